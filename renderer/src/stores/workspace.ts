// Which workspace view is shown.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { VIEWS, type ViewId } from '../views/view-registry';

export const useWorkspaceStore = defineStore('workspace', () => {
  const current = ref<ViewId>(VIEWS[0]!.id);
  function show(view: ViewId): void {
    current.value = view;
  }
  return { current, show };
});

// The app-level injection of the Bridge: Pinia stores `inject` it, so they depend on the interface only.
import type { InjectionKey } from 'vue';
import type { Bridge } from '../../../shared/api/bridge';

export const bridgeKey: InjectionKey<Bridge> = Symbol('bridge');

// Lint rules, including the one-way import direction between layers (DEVELOPERS.md):
// probe → coresight → target → flash/session/trace → script/commands/gdbserver → host/cli/app.
// `shared/` imports nothing of ours; `main/sim` is reached only through the probe transport
// seam in `main/probe/sim/`; the renderer and main never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

const layers = [
  ['probe'],
  ['coresight'],
  ['target'],
  ['flash', 'session', 'trace'],
  ['script', 'commands', 'gdbserver'],
  ['host', 'cli', 'app'],
];
const engineFolders = layers.flat();

/** Each layer may import only from the layers below it (and itself). */
const layerZones = layers.flatMap((group, level) => {
  const higher = layers.slice(level + 1).flat();
  const peers = group.length > 1 ? group : [];
  return group.flatMap((folder) => [
    ...higher.map((h) => ({ target: `./main/${folder}`, from: `./main/${h}`, message: `main/${folder} is below main/${h}: imports go one way.` })),
    ...peers.filter((p) => p !== folder && level < 4).map((p) => ({ target: `./main/${folder}`, from: `./main/${p}`, message: `main/${folder} and main/${p} are peers: share through a lower layer.` })),
  ]);
});

const simZones = [
  ...engineFolders.map((f) => ({
    target: `./main/${f}`,
    from: './main/sim',
    message: 'The simulator is reached only through the probe transport seam (main/probe/sim/).',
  })),
  ...engineFolders.map((f) => ({ target: './main/sim', from: `./main/${f}`, message: 'The simulator follows the Arm and vendor documents, never host code.' })),
];

const baseZones = [
  { target: './shared', from: './main', message: 'shared/ imports nothing of ours.' },
  { target: './shared', from: './preload', message: 'shared/ imports nothing of ours.' },
  { target: './shared', from: './renderer', message: 'shared/ imports nothing of ours.' },
  { target: './renderer', from: './main', message: 'The renderer only shows and asks, over the Bridge.' },
  { target: './renderer', from: './preload', message: 'The renderer reaches the preload only through window.probedesk.' },
  { target: './main', from: './renderer', message: 'main never imports the renderer.' },
  { target: './preload', from: './main', message: 'The preload bridges only the shared contract.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
    // Components are TypeScript: vue-tsc checks names (DOM globals included), as tsc does for .ts files.
    rules: { 'no-undef': 'off' },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.vue', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [...baseZones, ...layerZones, ...simZones],
        },
      ],
    },
  },
  {
    // The seam itself: the simulated probe transport is the one place that constructs simulators,
    // and it keeps every other rule.
    files: ['main/probe/sim/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: baseZones.concat(layerZones) }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);

// Where the project's files are. This module sits at main/host/ in the source tree and is bundled to
// out/main/index.js for Electron; from both places the project root is two levels up.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const outDir = join(projectRoot, 'out');
export const rendererOutDir = join(outDir, 'renderer');

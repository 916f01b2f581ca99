#!/usr/bin/env node
// Entry point of the `probedesk` command (runtime: plain Node). The engine is TypeScript; tsx
// compiles it on load so `npx probedesk` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));

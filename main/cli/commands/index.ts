// Every `probedesk` subcommand, one file each. To add one: write main/cli/commands/NAME.ts exporting
// a `RegisterCommand` (see ../command-spec.ts) and list it here.
import type { RegisterCommand } from '../command-spec';
import { registerCommander } from './commander';
import { registerInfo } from './info';
import { registerList } from './list';
import { registerReset } from './reset';
import { registerServe } from './serve';
import { registerSim } from './sim';
import { registerStart } from './start';

export const commandRegistrations: readonly RegisterCommand[] = [registerStart, registerServe, registerList, registerInfo, registerReset, registerSim, registerCommander];

// Every `probedesk` subcommand, one file each. To add one: write main/cli/commands/NAME.ts exporting
// a `RegisterCommand` (see ../command-spec.ts) and list it here.
import type { RegisterCommand } from '../command-spec';

export const commandRegistrations: readonly RegisterCommand[] = [];

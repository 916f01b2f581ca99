/** The built-in commands, in one registry that user-script commands may join. */
import { CommandRegistry } from '../command-registry';
import type { CommandContext } from '../command-context';
import { debugPortCommands } from './debug-ports';
import { memoryCommands } from './memory';
import { miscCommands } from './misc';
import { registerCommands } from './registers';
import { showSetCommands } from './show-set';
import { targetControlCommands } from './target-control';

export function createCoreCommandRegistry(): CommandRegistry<CommandContext> {
  const registry = new CommandRegistry<CommandContext>();
  for (const group of [targetControlCommands, registerCommands, memoryCommands, debugPortCommands, showSetCommands, miscCommands]) {
    for (const definition of group) registry.register(definition);
  }
  return registry;
}

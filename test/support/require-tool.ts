import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Tests that need a Debian tool (arm-none-eabi-gcc, qemu-system-arm, openocd, ...) ask here first.
 * DEVELOPERS.md: an absent tool is a FAILURE under CI=true and a printed skip elsewhere, and both
 * say exactly what to install.
 */

/** True when `command` is an executable file in one of the PATH directories. */
export function commandOnPath(command: string): boolean {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  for (const dir of dirs) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // Not in this directory; keep looking.
    }
  }
  return false;
}

/** The message naming the missing command and the exact install line. */
export function missingToolMessage(command: string, aptPackage: string): string {
  return `${command} not found on PATH; install it with: apt-get install -y ${aptPackage}`;
}

/**
 * Returns true when every listed command is on PATH. When one is missing: under CI=true it throws
 * (the test file fails); otherwise it prints the install line and returns false so the caller can
 * `describe.skipIf(!available)`.
 */
export function requireTools(tools: ReadonlyArray<{ command: string; aptPackage: string }>): boolean {
  const missing = tools.filter((t) => !commandOnPath(t.command));
  if (missing.length === 0) return true;
  const message = missing.map((t) => missingToolMessage(t.command, t.aptPackage)).join('\n');
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

/** One-tool form of `requireTools`. */
export function requireTool(command: string, aptPackage: string): boolean {
  return requireTools([{ command, aptPackage }]);
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandOnPath, missingToolMessage, requireTool, requireTools } from './require-tool';

describe('requireTool', () => {
  const savedCi = process.env['CI'];
  afterEach(() => {
    if (savedCi === undefined) delete process.env['CI'];
    else process.env['CI'] = savedCi;
    vi.restoreAllMocks();
  });

  it('finds a command that is on PATH (node runs this test)', () => {
    expect(commandOnPath('node')).toBe(true);
    expect(requireTool('node', 'nodejs')).toBe(true);
  });

  it('does not find a command that no PATH directory holds', () => {
    expect(commandOnPath('probedesk-no-such-tool-1f3a')).toBe(false);
  });

  it('throws the exact apt-get line under CI=true', () => {
    process.env['CI'] = 'true';
    expect(() => requireTool('probedesk-no-such-tool-1f3a', 'some-package')).toThrow(
      'probedesk-no-such-tool-1f3a not found on PATH; install it with: apt-get install -y some-package',
    );
  });

  it('prints the apt-get line and reports unavailable outside CI', () => {
    delete process.env['CI'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(requireTools([{ command: 'node', aptPackage: 'nodejs' }, { command: 'probedesk-no-such-tool-1f3a', aptPackage: 'pkg-b' }])).toBe(false);
    expect(warn).toHaveBeenCalledWith(`skipping: ${missingToolMessage('probedesk-no-such-tool-1f3a', 'pkg-b')}`);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MemoryMap from 'nrf-intel-hex';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoard, type BoardName } from '../../../main/sim/boards/index';
import { BusMaster } from '../../../main/sim/bus/bus-types';
import { startCommand } from './run-command';
import { runToExit } from './run-to-exit';

const firmware = fileURLToPath(new URL('../../../resources/firmware/', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'probedesk-sim-cli-'));
  dirs.push(d);
  return d;
}

/** The first flash word of the board's saved state, read through a new board instance. */
function savedFirstWord(board: BoardName, dir: string): number {
  const b = createBoard(board, { stateDir: dir });
  try {
    return b.bus.read(board === 'nrf52840' ? 0x0 : 0x0800_0000, 4, BusMaster.Debug) >>> 0;
  } finally {
    b.close();
  }
}

function demoFirstWord(board: BoardName): number {
  const image = MemoryMap.fromHex(readFileSync(join(firmware, board, 'build', 'demo.hex'), 'utf8'));
  const [, bytes] = [...image][0]!;
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
}

/** Scans the 32-bit IDCODE out of the JTAG-DP test port: Test-Logic-Reset, Run-Test/Idle, Shift-DR. */
function readIdcode(port: number): Promise<number> {
  const edge = (tms: number) => `${tms << 1}${4 + (tms << 1)}`;
  let request = [1, 1, 1, 1, 1, 0, 1, 0, 0].map(edge).join('');
  for (let i = 0; i < 32; i++) request += `${(i === 31 ? 1 : 0) << 1}R${4 + ((i === 31 ? 1 : 0) << 1)}`;
  request += 'Q';
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let reply = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no IDCODE within 10 s')));
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      let id = 0;
      for (let i = 0; i < reply.length; i++) if (reply[i] === '1') id += 2 ** i;
      if (reply.length === 32) resolve(id);
      else reject(new Error(`expected 32 TDO answers, got '${reply}'`));
    });
  });
}

describe('probedesk sim', () => {
  for (const board of ['nrf52840', 'stm32l051'] as const) {
    const erased = board === 'nrf52840' ? 0xffffffff : 0;
    it(`${board}: --erase-state leaves the saved flash erased and --factory-reset puts the demo firmware back`, async () => {
      const dir = stateDir();
      const erase = await runToExit(['-O', `sim.state_dir=${dir}`, 'sim', '--board', board, '--erase-state']);
      expect(erase).toMatchObject({ code: 0, stderr: '' });
      expect(erase.stdout).toBe(`sim:${board}: saved state in ${dir} fully erased (no firmware; factory option bytes and UICR defaults only)\n`);
      expect(savedFirstWord(board, dir)).toBe(erased);

      const reset = await runToExit(['-O', `sim.state_dir=${dir}`, '--json', 'sim', '--board', board, '--factory-reset']);
      expect(reset.code).toBe(0);
      expect(JSON.parse(reset.stdout)).toEqual({ board, state: 'factory', stateDir: dir });
      expect(savedFirstWord(board, dir)).toBe(demoFirstWord(board));
    });
  }

  it('refuses to rewrite the state of a board another owner holds open, naming the owning process', async () => {
    const dir = stateDir();
    const held = createBoard('nrf52840', { stateDir: dir });
    try {
      const result = await runToExit(['-O', `sim.state_dir=${dir}`, 'sim', '--board', 'nrf52840', '--erase-state']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`probedesk: error: sim:nrf52840 is in use by process ${process.pid} (lock file ${join(dir, 'nrf52840.lock')})\n`);
    } finally {
      held.close();
    }
    expect(savedFirstWord('nrf52840', dir)).toBe(demoFirstWord('nrf52840'));
  });

  it('rejects an unknown --board with an error listing the simulated boards', async () => {
    const result = await runToExit(['sim', '--board', 'nrf52832', '--factory-reset']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe("error: option '--board <name>' argument 'nrf52832' is invalid. no simulated board 'nrf52832'; the boards are: nrf52840, stm32l051.\n");
  });

  it('asks for --board, and for something to do, naming the choices', async () => {
    expect(await runToExit(['sim', '--erase-state'])).toMatchObject({ code: 2, stderr: 'probedesk: error: sim: --board is required; the boards are: nrf52840, stm32l051\n' });
    expect(await runToExit(['sim', '--board', 'stm32l051'])).toMatchObject({
      code: 2,
      stderr: 'probedesk: error: sim: nothing to do; give --factory-reset, --erase-state or --remote-bitbang PORT\n',
    });
    expect(await runToExit(['sim', '--board', 'stm32l051', '--factory-reset', '--erase-state'])).toMatchObject({
      code: 2,
      stderr: 'probedesk: error: sim: --factory-reset and --erase-state exclude each other\n',
    });
  });

  it('--remote-bitbang 0 --json prints {"port":N}, serves the JTAG-DP IDCODE there, and on stop saves the state and frees the board', async () => {
    const dir = stateDir();
    const running = await startCommand(['-O', `sim.state_dir=${dir}`, '--json', 'sim', '--board', 'nrf52840', '--remote-bitbang', '0']);
    const { port } = JSON.parse(running.firstLine) as { port: number };
    expect(port).toBeGreaterThan(0);
    expect(await readIdcode(port)).toBe(0x2ba01477);
    expect(await running.stop()).toBe(0);
    expect(savedFirstWord('nrf52840', dir)).toBe(demoFirstWord('nrf52840'));
  });

  it('--remote-bitbang prints the bound port for a person at the terminal and says the board is in use meanwhile', async () => {
    const dir = stateDir();
    const running = await startCommand(['-O', `sim.state_dir=${dir}`, 'sim', '--board', 'stm32l051', '--remote-bitbang', '0']);
    expect(running.firstLine).toMatch(/^sim:stm32l051 is running; its JTAG-DP test port \(OpenOCD remote_bitbang\) listens on 127\.0\.0\.1:\d+$/);
    const port = Number(/:(\d+)$/.exec(running.firstLine)![1]);
    expect(await readIdcode(port)).toBe(0x0bc11477);
    const second = await runToExit(['-O', `sim.state_dir=${dir}`, 'sim', '--board', 'stm32l051', '--factory-reset']);
    expect(second.stderr).toContain(`sim:stm32l051 is in use by process ${process.pid}`);
    expect(await running.stop()).toBe(0);
  });
});

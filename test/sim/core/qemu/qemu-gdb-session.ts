import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { GdbRemoteClient } from './gdb-remote-client';

/**
 * One qemu-system-arm process, stopped at reset (-S) with its gdbstub on a free loopback port,
 * and a GDB remote client connected to it. `close()` always kills the process; callers put it in
 * a finally block or afterAll.
 */

export interface QemuLaunch {
  /** QEMU machine name, e.g. 'mps2-an386' or 'microbit'. */
  readonly machine: string;
  /** CPU to ask for, or undefined where the machine fixes it (microbit). */
  readonly cpu: string | undefined;
  readonly elfPath: string;
  /** Bound on every reply from the gdbstub. */
  readonly replyTimeoutMs: number;
}

/** A TCP port nothing listens on right now (the kernel picks it; QEMU binds it next). */
async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class QemuGdbSession {
  private constructor(
    private readonly process: ChildProcess,
    readonly client: GdbRemoteClient,
    private readonly stderr: () => string,
  ) {}

  static async start(launch: QemuLaunch): Promise<QemuGdbSession> {
    const port = await freeLoopbackPort();
    const args = ['-M', launch.machine];
    if (launch.cpu !== undefined) args.push('-cpu', launch.cpu);
    args.push('-display', 'none', '-serial', 'null', '-monitor', 'none', '-S', '-gdb', `tcp:127.0.0.1:${port}`, '-kernel', launch.elfPath);
    const child = spawn('qemu-system-arm', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      stderr += s;
    });
    const exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => reject(new Error(`qemu-system-arm ${args.join(' ')} exited (${code ?? signal}) before its gdbstub answered: ${stderr.trim()}`)));
      child.once('error', (e) => reject(new Error(`qemu-system-arm could not start: ${e.message}`)));
    });
    exited.catch(() => undefined);
    try {
      const client = await Promise.race([GdbRemoteClient.connect('127.0.0.1', port, launch.replyTimeoutMs), exited]);
      return new QemuGdbSession(child, client, () => stderr);
    } catch (e) {
      child.kill('SIGKILL');
      throw e;
    }
  }

  /** What QEMU printed on stderr so far (warnings, errors). */
  get diagnostics(): string {
    return this.stderr();
  }

  /** Disconnects and kills QEMU, waiting (bounded) for it to exit. */
  async close(): Promise<void> {
    this.client.close();
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGKILL');
    await Promise.race([gone, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
  }
}

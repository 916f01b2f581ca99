import { createServer, type Server, type Socket } from 'node:net';
import { RemoteBitbangSession, type RemoteBitbangTarget } from './remote-bitbang-session';

/**
 * A TCP server for OpenOCD's `remote_bitbang` adapter, bound to 127.0.0.1 only: a simulator
 * test port is never reachable from another machine. One client at a time, as one JTAG
 * cable serves one debugger.
 */
export interface RemoteBitbangServer {
  readonly port: number;
  /** Stops listening and drops the connected client, if any. */
  close(): Promise<void>;
}

export async function startRemoteBitbangServer(target: RemoteBitbangTarget, port: number): Promise<RemoteBitbangServer> {
  let client: Socket | undefined;
  const server: Server = createServer((socket) => {
    if (client !== undefined) {
      socket.destroy();
      return;
    }
    client = socket;
    socket.setNoDelay(true);
    const session = new RemoteBitbangSession(target);
    socket.on('data', (chunk) => {
      const reply = session.receive(chunk);
      if (reply.length > 0) socket.write(reply);
      if (session.ended) socket.end();
    });
    socket.on('close', () => {
      if (client === socket) client = undefined;
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        client?.destroy();
      }),
  };
}

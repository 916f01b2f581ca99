// Opens probes through discovery as the host does, but lets a test pull the plug: afterwards every
// transfer fails as a USB probe's does when it goes away (ProbeDisconnectedError).
import { ProbeDisconnectedError } from '../../../main/probe/errors';
import { openProbeTransport } from '../../../main/probe/discovery';
import type { DapTransport } from '../../../main/probe/transport';
import type { TransportOpener } from '../../../main/session/session';

export interface PlugBoard {
  readonly open: TransportOpener;
  unplug(): void;
  plugIn(): void;
}

export function unpluggableProbes(): PlugBoard {
  let plugged = true;
  const check = () => {
    if (!plugged) throw new ProbeDisconnectedError('the USB device went away (unplugged by the test)');
  };
  const open: TransportOpener = async (uniqueId, discovery) => {
    check();
    const inner = await openProbeTransport(uniqueId, discovery);
    const transport: DapTransport = {
      protocol: inner.protocol,
      packetSize: inner.packetSize,
      write: async (packet) => {
        check();
        await inner.write(packet);
      },
      read: async (timeoutMs) => {
        check();
        return inner.read(timeoutMs);
      },
      close: () => inner.close(),
      ...(inner.setPacketSize ? { setPacketSize: (size: number) => inner.setPacketSize!(size) } : {}),
    };
    return transport;
  };
  return {
    open,
    unplug: () => {
      plugged = false;
    },
    plugIn: () => {
      plugged = true;
    },
  };
}

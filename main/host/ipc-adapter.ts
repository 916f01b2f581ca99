// The Electron transport of the router: one `ipcMain.handle` channel per contract method and event
// (names from shared/bridge/preload-api.ts), each checking the sender before anything else and
// passing arguments to the router, which validates them against the contract before a service runs.
import { ApiError, type Envelope } from '../../shared/api/api-error';
import type { Contract } from '../../shared/api/contract';
import { ipcChannel } from '../../shared/bridge/preload-api';
import { createLogger } from '../../shared/log/logger';
import type { Router, RouterClient } from './router';
import { senderRefusal, type IpcEventLike, type TrustedSenders } from './sender-check';

export interface IpcSenderLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface IpcInvokeEventLike extends IpcEventLike {
  readonly sender: IpcSenderLike;
}

export type IpcHandler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<Envelope> | Envelope;

/** The part of Electron's `ipcMain` the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
  removeHandler(channel: string): void;
}

export interface IpcAdapter {
  /** Stops the subscriptions of a window that closed. */
  closePeer(webContentsId: number): void;
  /** Removes every handler and stops every subscription. */
  dispose(): void;
}

const log = createLogger('host.ipc');

function refused(code: 'forbidden' | 'invalid-params', message: string): Envelope {
  return { ok: false, error: new ApiError(code, message).toData() };
}

const isSubscriptionId = (value: unknown): value is string => typeof value === 'string' && /^[\w.-]{1,64}$/.test(value);

export function registerIpcAdapter<C extends Contract>(router: Router<C>, ipcMain: IpcMainLike, trusted: () => TrustedSenders): IpcAdapter {
  const clients = new Map<number, RouterClient>();
  const channels: string[] = [];

  const clientFor = (sender: IpcSenderLike): RouterClient => {
    let client = clients.get(sender.id);
    if (!client) {
      client = router.client({ transport: 'ipc', peer: `webContents ${sender.id}` });
      clients.set(sender.id, client);
    }
    return client;
  };

  /** Wraps a handler with the sender check and the argument count check. */
  const guarded = (channel: string, arity: number, run: (event: IpcInvokeEventLike, args: unknown[]) => Promise<Envelope> | Envelope) => {
    channels.push(channel);
    ipcMain.handle(channel, (event, ...args) => {
      const refusal = senderRefusal(event, trusted());
      if (refusal) {
        log.warn(`refused ${channel}: ${refusal}`);
        return refused('forbidden', `refused: ${refusal}`);
      }
      if (args.length !== arity) return refused('invalid-params', `${channel} takes ${arity} argument(s), got ${args.length}`);
      return run(event, args);
    });
  };

  for (const method of Object.keys(router.contract.methods)) {
    guarded(ipcChannel.method(method), 1, (event, [params]) => clientFor(event.sender).call(method, params));
  }
  for (const name of Object.keys(router.contract.events)) {
    guarded(ipcChannel.subscribe(name), 2, (event, [subscription, params]) => {
      if (!isSubscriptionId(subscription)) return refused('invalid-params', 'subscription id must be 1-64 word characters');
      const sender = event.sender;
      return clientFor(sender).subscribe(subscription, name, params, (payload) => {
        if (sender.isDestroyed()) closePeer(sender.id);
        else sender.send(ipcChannel.event, subscription, payload);
      });
    });
  }
  guarded(ipcChannel.unsubscribe, 1, (event, [subscription]) => {
    if (!isSubscriptionId(subscription)) return refused('invalid-params', 'subscription id must be 1-64 word characters');
    return clientFor(event.sender).unsubscribe(subscription);
  });

  function closePeer(id: number) {
    clients.get(id)?.close();
    clients.delete(id);
  }

  return {
    closePeer,
    dispose() {
      for (const channel of channels) ipcMain.removeHandler(channel);
      for (const id of [...clients.keys()]) closePeer(id);
    },
  };
}

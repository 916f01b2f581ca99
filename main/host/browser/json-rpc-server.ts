// The WebSocket transport of the router: JSON-RPC 2.0 requests on one socket, answered through a
// RouterClient; event payloads pushed as `rpc.event` notifications (shared/rpc/json-rpc.ts).
import { z } from 'zod';
import { ApiError } from '../../../shared/api/api-error';
import {
  INVALID_REQUEST, PARSE_ERROR, RPC_SUBSCRIBE, RPC_UNSUBSCRIBE, RpcRequest, SubscribeParams, UnsubscribeParams, rpcError, rpcEvent, rpcResult,
} from '../../../shared/rpc/json-rpc';
import type { Envelope } from '../../../shared/api/api-error';
import type { RouterClient } from '../router';

export interface TextSocket {
  send(text: string): void;
}

function invalidParams(what: string, error: z.ZodError): Envelope {
  return { ok: false, error: new ApiError('invalid-params', `${what}: ${z.prettifyError(error)}`).toData() };
}

/** Handles one incoming text message; answers on `socket`. */
export async function handleRpcMessage(text: string, socket: TextSocket, client: RouterClient): Promise<void> {
  const send = (message: unknown) => socket.send(JSON.stringify(message));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    send({ jsonrpc: '2.0', id: null, error: { code: PARSE_ERROR, message: 'message is not JSON' } });
    return;
  }
  const request = RpcRequest.safeParse(json);
  if (!request.success) {
    send({ jsonrpc: '2.0', id: null, error: { code: INVALID_REQUEST, message: `not a JSON-RPC 2.0 request: ${z.prettifyError(request.error)}` } });
    return;
  }
  const { id, method, params } = request.data;
  let answer: Envelope;
  if (method === RPC_SUBSCRIBE) {
    const p = SubscribeParams.safeParse(params);
    answer = p.success
      ? client.subscribe(p.data.subscription, p.data.event, p.data.params, (payload) => send(rpcEvent(p.data.subscription, payload)))
      : invalidParams(RPC_SUBSCRIBE, p.error);
  } else if (method === RPC_UNSUBSCRIBE) {
    const p = UnsubscribeParams.safeParse(params);
    answer = p.success ? client.unsubscribe(p.data.subscription) : invalidParams(RPC_UNSUBSCRIBE, p.error);
  } else {
    // JSON-RPC 2.0 §4.2 lets a request omit params; for our methods that means "no parameters".
    answer = await client.call(method, params ?? {});
  }
  send(answer.ok ? rpcResult(id, answer.value) : rpcError(id, answer.error));
}

// The browser host's wire protocol: JSON-RPC 2.0 (https://www.jsonrpc.org/specification) over one
// WebSocket. Contract methods are called by name; event streams use the reserved `rpc.` names:
//   → {"jsonrpc":"2.0","id":1,"method":"rpc.subscribe","params":{"subscription":"s1","event":"log","params":{}}}
//   ← {"jsonrpc":"2.0","method":"rpc.event","params":{"subscription":"s1","payload":{...}}}
//   → {"jsonrpc":"2.0","id":2,"method":"rpc.unsubscribe","params":{"subscription":"s1"}}
// The client names each subscription, so events can arrive before the subscribe response.
import { z } from 'zod';
import { API_ERROR_CODES, type ApiErrorCode, type ApiErrorData } from '../api/api-error';

export const RPC_SUBSCRIBE = 'rpc.subscribe';
export const RPC_UNSUBSCRIBE = 'rpc.unsubscribe';
export const RPC_EVENT = 'rpc.event';

const Id = z.union([z.string(), z.number()]);

export const RpcRequest = z.object({
  jsonrpc: z.literal('2.0'),
  id: Id,
  method: z.string(),
  params: z.unknown().optional(),
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export const SubscribeParams = z.object({ subscription: z.string().min(1).max(64), event: z.string(), params: z.unknown() });
export const UnsubscribeParams = z.object({ subscription: z.string().min(1).max(64) });

const RpcErrorObject = z.object({
  code: z.number().int(),
  message: z.string(),
  data: z.object({ code: z.enum(API_ERROR_CODES) }).optional(),
});

export const RpcServerMessage = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: Id, result: z.unknown() }),
  z.object({ jsonrpc: z.literal('2.0'), id: Id.nullable(), error: RpcErrorObject }),
  z.object({
    jsonrpc: z.literal('2.0'),
    method: z.literal(RPC_EVENT),
    params: z.object({ subscription: z.string(), payload: z.unknown() }),
  }),
]);
export type RpcServerMessage = z.infer<typeof RpcServerMessage>;

/** JSON-RPC 2.0 §5.1 error codes, and -32000 (server error range) for a service failure. */
const RPC_CODE: Record<ApiErrorCode, number> = {
  'unknown-method': -32601,
  'invalid-params': -32602,
  forbidden: -32001,
  failed: -32000,
  disconnected: -32002,
};
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;

export function rpcError(id: string | number | null, error: ApiErrorData) {
  return { jsonrpc: '2.0' as const, id, error: { code: RPC_CODE[error.code], message: error.message, data: { code: error.code } } };
}

export function rpcResult(id: string | number, result: unknown) {
  return { jsonrpc: '2.0' as const, id, result: result === undefined ? null : result };
}

export function rpcEvent(subscription: string, payload: unknown) {
  return { jsonrpc: '2.0' as const, method: RPC_EVENT, params: { subscription, payload } };
}

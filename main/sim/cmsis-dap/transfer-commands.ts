import { TransferRequest, TransferResponse } from './dap-constants';
import type { RequestReader, ResponseWriter } from './packet-codec';
import type { SwdLink, SwdPacketResult } from './swd-link';

/**
 * DAP_Transfer and DAP_TransferBlock (CMSIS-DAP v2.1). AP reads are posted on SWD (ADIv5.2
 * B2.3.4): the probe issues the AP read, collects its data with the next AP read or with a
 * read of DP RDBUFF, and after the last write of a request it reads RDBUFF so that a write
 * that failed on the bus is reported in this response rather than the next one.
 */

export interface TransferSettings {
  /** DAP_TransferConfigure WAIT retry count. */
  waitRetry: number;
  /** DAP_TransferConfigure match retry count. */
  matchRetry: number;
  /** Mask for value-match reads, written by a Transfer request with Match Mask set. */
  matchMask: number;
}

export interface TransferContext {
  link: SwdLink;
  settings: TransferSettings;
  /** True once a DAP_TransferAbort has arrived while this command runs. */
  abortRequested(): boolean;
  /** Test-domain timer value now (DAP_Info 0xF1). */
  timestamp(): number;
}

const DP_RDBUFF_READ = TransferRequest.RnW | 0x0c;

/** Maps an SWD packet result to the Transfer Response value. */
function responseOf(result: SwdPacketResult): number {
  if (result.ack === TransferResponse.Ok && !result.parityOk) return TransferResponse.ProtocolError;
  if (result.ack === TransferResponse.Ok || result.ack === TransferResponse.Wait || result.ack === TransferResponse.Fault) return result.ack;
  return TransferResponse.NoAck;
}

/** One register access with the configured WAIT retries. */
function withRetry(ctx: TransferContext, request: number, data: number): { response: number; data: number } {
  let retry = ctx.settings.waitRetry;
  for (;;) {
    const result = ctx.link.transfer(request, data);
    const response = responseOf(result);
    if (response !== TransferResponse.Wait || retry === 0 || ctx.abortRequested()) return { response, data: result.data };
    retry--;
  }
}

/** Request bytes that follow a transfer request byte in DAP_Transfer. */
function dataBytesOf(request: number): number {
  return (request & TransferRequest.RnW) === 0 || (request & TransferRequest.ValueMatch) !== 0 ? 4 : 0;
}

/** Skips the rest of a DAP_Transfer request so that the next command in the packet is found. */
function skipTransfers(req: RequestReader, count: number): void {
  for (let i = 0; i < count; i++) {
    const request = req.u8();
    for (let b = 0; b < dataBytesOf(request); b++) req.u8();
  }
}

/** `> 0x05 | DAP Index | Transfer Count | Transfer Request [Transfer Data] ...` */
export function dapTransfer(req: RequestReader, out: ResponseWriter, ctx: TransferContext | undefined): void {
  req.u8();
  let remaining = req.u8();
  out.u8(0x05);
  const countIndex = out.length;
  out.u8(0);
  out.u8(0);
  if (ctx === undefined) {
    // No port connected: nothing is executed (count 0, response 0).
    skipTransfers(req, remaining);
    return;
  }
  let responseCount = 0;
  let responseValue = 0;
  let postRead = false;
  let checkWrite = false;
  const storeTimestamp = (request: number): void => {
    if (request & TransferRequest.TimeStamp) out.u32(ctx.timestamp());
  };

  for (; remaining > 0; remaining--) {
    const request = req.u8();
    // Write data or match value; read before any work so a failed request leaves the reader in step.
    const payload = dataBytesOf(request) === 4 ? req.u32() : 0;
    const register = request & (TransferRequest.APnDP | TransferRequest.RnW | TransferRequest.A_MASK);
    const isAp = (request & TransferRequest.APnDP) !== 0;
    if (request & TransferRequest.RnW) {
      if (postRead) {
        // Collect the posted AP read: with another plain AP read when one follows, else RDBUFF.
        const chain = isAp && (request & TransferRequest.ValueMatch) === 0;
        const r = withRetry(ctx, chain ? register : DP_RDBUFF_READ, 0);
        responseValue = r.response;
        if (responseValue !== TransferResponse.Ok) {
          remaining--;
          break;
        }
        out.u32(r.data);
        // The chained read posted the next AP read: its timestamp follows the previous data.
        if (chain) storeTimestamp(request);
        else postRead = false;
      }
      if (request & TransferRequest.ValueMatch) {
        const matchValue = payload;
        if (isAp) {
          const posted = withRetry(ctx, register, 0);
          responseValue = posted.response;
          if (responseValue !== TransferResponse.Ok) {
            remaining--;
            break;
          }
        }
        let matchRetry = ctx.settings.matchRetry;
        let data = 0;
        for (;;) {
          const r = withRetry(ctx, register, 0);
          responseValue = r.response;
          data = r.data;
          if (responseValue !== TransferResponse.Ok) break;
          if ((data & ctx.settings.matchMask) >>> 0 === matchValue || matchRetry === 0 || ctx.abortRequested()) break;
          matchRetry--;
        }
        if (responseValue === TransferResponse.Ok && (data & ctx.settings.matchMask) >>> 0 !== matchValue) {
          responseValue |= TransferResponse.ValueMismatch;
        }
        if (responseValue !== TransferResponse.Ok) {
          remaining--;
          break;
        }
      } else if (isAp) {
        if (!postRead) {
          const r = withRetry(ctx, register, 0);
          responseValue = r.response;
          if (responseValue !== TransferResponse.Ok) {
            remaining--;
            break;
          }
          storeTimestamp(request);
          postRead = true;
        }
      } else {
        const r = withRetry(ctx, register, 0);
        responseValue = r.response;
        if (responseValue !== TransferResponse.Ok) {
          remaining--;
          break;
        }
        storeTimestamp(request);
        out.u32(r.data);
      }
      checkWrite = false;
    } else {
      if (postRead) {
        const r = withRetry(ctx, DP_RDBUFF_READ, 0);
        responseValue = r.response;
        if (responseValue !== TransferResponse.Ok) {
          remaining--;
          break;
        }
        out.u32(r.data);
        postRead = false;
      }
      const data = payload;
      if (request & TransferRequest.MatchMask) {
        ctx.settings.matchMask = data;
        responseValue = TransferResponse.Ok;
      } else {
        const r = withRetry(ctx, register, data);
        responseValue = r.response;
        if (responseValue !== TransferResponse.Ok) {
          remaining--;
          break;
        }
        storeTimestamp(request);
        checkWrite = true;
      }
    }
    responseCount++;
    if (ctx.abortRequested()) {
      remaining--;
      break;
    }
  }
  skipTransfers(req, remaining);

  if (responseValue === TransferResponse.Ok) {
    if (postRead) {
      const r = withRetry(ctx, DP_RDBUFF_READ, 0);
      responseValue = r.response;
      if (responseValue === TransferResponse.Ok) out.u32(r.data);
    } else if (checkWrite) {
      responseValue = withRetry(ctx, DP_RDBUFF_READ, 0).response;
    }
  }
  out.set(countIndex, responseCount);
  out.set(countIndex + 1, responseValue);
}

/**
 * `> 0x06 | DAP Index | Transfer Count (SHORT) | Transfer Request | Transfer Data ...`
 * A DAP_TransferAbort only cuts short the WAIT retries of the block's current transfer.
 */
export function dapTransferBlock(req: RequestReader, out: ResponseWriter, ctx: TransferContext | undefined): void {
  req.u8();
  const count = req.u16();
  const request = req.u8();
  out.u8(0x06);
  const countIndex = out.length;
  out.u16(0);
  out.u8(0);
  const isRead = (request & TransferRequest.RnW) !== 0;
  if (ctx === undefined || count === 0) {
    if (!isRead) for (let i = 0; i < count * 4; i++) req.u8();
    return;
  }
  const register = request & (TransferRequest.APnDP | TransferRequest.RnW | TransferRequest.A_MASK);
  const isAp = (request & TransferRequest.APnDP) !== 0;
  let responseCount = 0;
  let responseValue = 0;
  const finish = (): void => {
    out.set(countIndex, responseCount);
    out.set(countIndex + 1, responseCount >>> 8);
    out.set(countIndex + 2, responseValue);
  };

  if (isRead) {
    if (isAp) {
      // Post the first AP read; each further read returns the previous one's data.
      responseValue = withRetry(ctx, register, 0).response;
      if (responseValue !== TransferResponse.Ok) return finish();
    }
    for (let left = count; left > 0; left--) {
      const last = left === 1;
      const r = withRetry(ctx, last && isAp ? DP_RDBUFF_READ : register, 0);
      responseValue = r.response;
      if (responseValue !== TransferResponse.Ok) return finish();
      out.u32(r.data);
      responseCount++;
    }
    return finish();
  }

  let consumed = 0;
  for (; consumed < count; consumed++) {
    const data = req.u32();
    const r = withRetry(ctx, register, data);
    responseValue = r.response;
    if (responseValue !== TransferResponse.Ok) {
      consumed++;
      break;
    }
    responseCount++;
  }
  for (; consumed < count; consumed++) req.u32();
  if (responseValue === TransferResponse.Ok) responseValue = withRetry(ctx, DP_RDBUFF_READ, 0).response;
  return finish();
}

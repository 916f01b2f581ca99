// The one error shape both transports report to callers.

export const API_ERROR_CODES = [
  /** No such method or event in the contract. */
  'unknown-method',
  /** Arguments failed the contract's schema. */
  'invalid-params',
  /** The caller is not our own page (IPC) or lacks the token (WebSocket). */
  'forbidden',
  /** The service ran and failed; the message says why. */
  'failed',
  /** The transport to the host is gone. */
  'disconnected',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorData {
  readonly code: ApiErrorCode;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message);
  }
}

/** What a transport returns for one call: the wire result, or the error. */
export type Envelope = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApiErrorData };

// One table for every error a user can cause: wire code, retryability, HTTP status (server API),
// and what to do about it. The README's error table is generated from the same entries.
import { CloseCode, ErrorCode } from "./proto.js";

export { CloseCode, ErrorCode };

interface ErrorInfo {
  retryable: boolean;
  http: number;
  hint: string;
}

export const ERROR_TABLE: Readonly<Record<number, ErrorInfo>> = {
  [ErrorCode.BAD_FRAME]: { retryable: false, http: 400, hint: "send a protobuf-encoded ClientFrame in a binary message" },
  [ErrorCode.UNKNOWN_FRAME]: { retryable: false, http: 400, hint: "set exactly one body field of ClientFrame" },
  [ErrorCode.INVALID_ARGUMENT]: { retryable: false, http: 400, hint: "fix the named field" },
  [ErrorCode.FRAME_TOO_LARGE]: { retryable: false, http: 413, hint: "keep frames under welcome.max_frame_bytes" },
  [ErrorCode.RATE_LIMITED]: { retryable: true, http: 429, hint: "retry after retry_after_ms" },
  [ErrorCode.FORBIDDEN]: { retryable: false, http: 403, hint: "only members may send; only the owner changes members" },
  [ErrorCode.NOT_FOUND]: { retryable: false, http: 404, hint: "check the conversation id" },
  [ErrorCode.GROUP_FULL]: { retryable: false, http: 409, hint: "the group is at MAX_GROUP_SIZE" },
  [ErrorCode.UNAVAILABLE]: { retryable: true, http: 503, hint: "a backend is down; retry with backoff" },
  [ErrorCode.OVERLOADED]: { retryable: true, http: 503, hint: "the node is shedding load; retry later" },
  [ErrorCode.INTERNAL]: { retryable: true, http: 500, hint: "retry once, then report the error" },
  [ErrorCode.CONFLICT]: { retryable: false, http: 409, hint: "use a new client_msg_id for new content" },
  [ErrorCode.UNAUTHORIZED]: { retryable: false, http: 401, hint: "send Authorization: Bearer <API_KEY>" },
};

/** Close codes 4000-4099 allow a reconnect; 4100-4199 mean: fix something first. */
export function closeAllowsReconnect(code: number): boolean {
  return code < 4100 || code > 4199;
}

export const CLOSE_REASONS: Record<number, string> = {
  [CloseCode.GOING_AWAY]: "going away",
  [CloseCode.IDLE_TIMEOUT]: "idle timeout",
  [CloseCode.TOKEN_EXPIRED]: "token expired",
  [CloseCode.SLOW_CONSUMER]: "slow consumer",
  [CloseCode.SERVER_OVERLOADED]: "server overloaded",
  [CloseCode.BACKEND_UNAVAILABLE]: "backend unavailable",
  [CloseCode.BAD_TOKEN]: "bad token",
  [CloseCode.FORBIDDEN_CLOSE]: "disconnected by server",
  [CloseCode.PROTOCOL_VIOLATION]: "protocol violation",
  [CloseCode.SESSION_REPLACED]: "session replaced",
};

/** An error a client or API caller can cause (or must retry), carrying its wire code. */
export class SwitchboardError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number;

  constructor(code: ErrorCode, message: string, opts: { cause?: unknown; retryAfterMs?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "SwitchboardError";
    this.code = code;
    this.retryable = ERROR_TABLE[code]?.retryable ?? false;
    this.retryAfterMs = opts.retryAfterMs ?? 0;
  }

  get httpStatus(): number {
    return ERROR_TABLE[this.code]?.http ?? 500;
  }
}

/** Engines throw UNAVAILABLE themselves for backend faults; anything else reaching here is a bug. */
export function toSwitchboardError(err: unknown): SwitchboardError {
  if (err instanceof SwitchboardError) return err;
  return new SwitchboardError(ErrorCode.INTERNAL, "internal error", { cause: err });
}

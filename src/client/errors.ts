// Named error classes the client rejects with, so callers branch on instanceof / code.
import { ErrorCode } from "../protocol/proto.js";

/** An `error` frame from the server (or the same check done locally, e.g. frame size). */
export class ServerError extends Error {
  override name = "ServerError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs = 0,
    /** The send this error answers, when it answers one. */
    readonly clientMsgId = "",
  ) {
    super(message);
  }

  /** The error code's enum name, e.g. "RATE_LIMITED". */
  get codeName(): string {
    return ErrorCode[this.code] ?? String(this.code);
  }
}

/** Base of the client's own failures; `code` is a stable string to branch on. */
export class ClientError extends Error {
  override name = "ClientError";
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The connection closed (or was not open) before the request was answered. */
export class ConnectionClosedError extends ClientError {
  override name = "ConnectionClosedError";
  constructor(
    /** WebSocket close code (1006: dropped without a close frame; 0: never connected). */
    readonly closeCode: number,
    readonly reason: string,
    code = "CONNECTION_CLOSED",
  ) {
    super(code, `connection closed (${closeCode}${reason !== "" ? `: ${reason}` : ""})`);
  }
}

/** close() was called: nothing more will be sent or received. */
export class ClientClosedError extends ConnectionClosedError {
  override name = "ClientClosedError";
  constructor() {
    super(1000, "client closed", "CLIENT_CLOSED");
  }
}

/** No reply within requestTimeoutMs. The request may still have taken effect on the server. */
export class RequestTimeoutError extends ClientError {
  override name = "RequestTimeoutError";
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super("REQUEST_TIMEOUT", `${what}: no reply within ${timeoutMs} ms`);
  }
}

/** The server sent something the client cannot read (text frame, undecodable protobuf). */
export class ProtocolError extends ClientError {
  override name = "ProtocolError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("PROTOCOL", message, options);
  }
}

/** A CursorStore load/save failed: delivery continues, persistence of cursors may lag. */
export class CursorStoreError extends ClientError {
  override name = "CursorStoreError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("CURSOR_STORE", message, options);
  }
}

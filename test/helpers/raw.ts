// A raw WebSocket probe for protocol-level tests that must send what no real client would
// (malformed bytes, oversized frames) or misbehave on purpose (stop reading, ignore pings).
// Everything a well-behaved client does is tested through src/client instead.
import WebSocket from "ws";
import { decodeServerFrame, encodeClientFrame, type IClientFrame, type ServerFrame } from "../../src/protocol/proto.js";
import { waitFor } from "./wait.js";

export interface RawOptions {
  headers?: Record<string, string>;
  protocols?: string[];
  autoPong?: boolean;
}

export class RawConnection {
  readonly frames: ServerFrame[] = [];
  closeCode: number | null = null;
  closeReason = "";
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.binaryType = "nodebuffer";
    ws.on("message", (data: Buffer) => this.frames.push(decodeServerFrame(new Uint8Array(data))));
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        resolve({ code, reason: this.closeReason });
      });
    });
  }

  /** Opens a connection; rejects with the HTTP status and body when the upgrade is refused. */
  static open(url: string, opts: RawOptions = {}): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, opts.protocols ?? [], { headers: opts.headers ?? {}, autoPong: opts.autoPong ?? true });
      const conn = new RawConnection(ws);
      ws.once("open", () => resolve(conn));
      ws.once("error", reject);
      ws.once("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => reject(new UpgradeRefused(res.statusCode ?? 0, body)));
      });
    });
  }

  send(frame: IClientFrame): void {
    this.ws.send(encodeClientFrame(frame));
  }

  sendBytes(bytes: Uint8Array | string): void {
    this.ws.send(bytes);
  }

  /** Waits for a frame matching `pred` (already received or arriving), returns it. */
  next(pred: (f: ServerFrame) => boolean, timeoutMs = 5000, what = "frame"): Promise<ServerFrame> {
    return waitFor(() => this.frames.find(pred), { timeoutMs, what });
  }

  count(pred: (f: ServerFrame) => boolean): number {
    return this.frames.filter(pred).length;
  }

  /** Stops reading from the TCP socket: the server's writes back up. */
  pauseReading(): void {
    (this.ws as unknown as { _socket: { pause(): void } })._socket.pause();
  }

  resumeReading(): void {
    (this.ws as unknown as { _socket: { resume(): void } })._socket.resume();
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

export class UpgradeRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`upgrade refused: ${status} ${body}`);
  }
}

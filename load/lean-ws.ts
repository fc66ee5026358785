// A lean RFC 6455 WebSocket client for the load tool's hot path. The `ws` package spends most of
// a load worker's user CPU per message in layers a generator does not need: a Readable socket
// stream, a Writable frame receiver, event emitters and DOM-style event wrappers around every
// frame. Here each socket reads straight into one process-wide buffer (net's `onread` option),
// frames are parsed in place, and each frame out is one masked write.
//
// Two ways to consume it:
// - as a WebSocketLike (SwitchboardClient's `WebSocket` option): onopen / onmessage / onclose /
//   onerror; every message's data is a private copy (the client may hold it behind a gap);
// - with `onframe` set (the peers' drivers): data messages are passed as a view into the shared
//   read buffer, valid only during the call (no copy, no allocation).
//
// What it deliberately shares with `ws`: a random mask per frame (a server unmasks the same bytes
// as for a browser), TCP_NODELAY, close codes (1006 when the connection ends without a close
// frame), the "Unexpected server response: <status>" message on a refused upgrade. Not supported:
// wss:// (use `ws` there), extensions (no permessage-deflate is ever offered).
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { connect, type Socket } from "node:net";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** Every socket of the process reads into this; frames that outlive the read are copied out. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const MAX_HEAD_BYTES = 16 * 1024;
const MAX_REJECT_BODY = 4096;
/** Close handshake bound: past it the TCP connection is destroyed (reported as 1006 if no close frame came). */
const CLOSE_TIMEOUT_MS = 5000;

const MASK_POOL_SIZE = 8192;
const maskPool = Buffer.allocUnsafe(MASK_POOL_SIZE);
let maskAt = MASK_POOL_SIZE;

export interface LeanOptions {
  /** Offered subprotocols (Sec-WebSocket-Protocol); the server must select one of them. */
  protocols?: string[];
  /** Source address to bind. */
  localAddress?: string;
  /** Largest incoming message accepted (default 16 MiB); past it the connection closes with 1009. */
  maxPayload?: number;
  /** Called with the status and (the start of) the body when the server answers the upgrade with anything but 101. */
  onRejected?: (status: number, body: string) => void;
}

/** The event objects a WebSocketLike consumer reads. */
export interface LeanMessageEvent {
  data: Buffer | string;
}
export interface LeanCloseEvent {
  code: number;
  reason: string;
  wasClean: boolean;
}
export interface LeanErrorEvent {
  message: string;
  error: Error;
}

export class LeanWebSocket {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSING = CLOSING;
  static readonly CLOSED = CLOSED;

  onopen: ((ev: Record<string, never>) => void) | null = null;
  onmessage: ((ev: LeanMessageEvent) => void) | null = null;
  onclose: ((ev: LeanCloseEvent) => void) | null = null;
  onerror: ((ev: LeanErrorEvent) => void) | null = null;
  /** When set, data messages go here instead of onmessage: buf[start, end) is valid only during the call. */
  onframe: ((buf: Buffer, start: number, end: number, binary: boolean) => void) | null = null;
  /** Accepted for compatibility; onmessage data is always a Buffer (a Uint8Array) or, for text, a string. */
  binaryType = "nodebuffer";
  protocol = "";
  readyState = CONNECTING;

  private readonly socket: Socket;
  private readonly key: string;
  private readonly maxPayload: number;
  private readonly onRejected: LeanOptions["onRejected"];
  private readonly offered: readonly string[];
  /** Bytes of an incomplete response head or frame, carried to the next read. */
  private pending: Buffer | null = null;
  /** A fragmented message in progress: its opcode and the fragments so far. */
  private fragOpcode = 0;
  private fragments: Buffer[] | null = null;
  private fragBytes = 0;
  /** Status and body of a refused upgrade, read until the body is complete or the socket ends. */
  private rejected: { status: number; body: string; length: number } | null = null;
  private closeSent = false;
  private closeCode = 1006;
  private closeReason = "";
  private closeFrameReceived = false;
  private closeTimer: NodeJS.Timeout | null = null;
  private errorEmitted = false;

  constructor(url: string, opts: LeanOptions = {}) {
    const u = new URL(url);
    if (u.protocol !== "ws:") throw new Error(`LeanWebSocket supports ws:// only, got ${u.protocol}`);
    this.maxPayload = opts.maxPayload ?? 16 * 1024 * 1024;
    this.onRejected = opts.onRejected;
    this.key = randomBytes(16).toString("base64");
    const host = u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname;
    const port = u.port === "" ? 80 : Number(u.port);
    const head =
      `GET ${u.pathname}${u.search} HTTP/1.1\r\n` +
      `Host: ${u.host}\r\n` +
      "Upgrade: websocket\r\n" +
      "Connection: Upgrade\r\n" +
      `Sec-WebSocket-Key: ${this.key}\r\n` +
      "Sec-WebSocket-Version: 13\r\n" +
      (opts.protocols !== undefined && opts.protocols.length > 0 ? `Sec-WebSocket-Protocol: ${opts.protocols.join(", ")}\r\n` : "") +
      "\r\n";
    this.offered = opts.protocols ?? [];
    this.socket = connect({
      host,
      port,
      ...(opts.localAddress !== undefined ? { localAddress: opts.localAddress } : {}),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n: number, buf: Uint8Array) => {
          this.onRead(n, buf as Buffer);
          return true;
        },
      },
    });
    this.socket.once("connect", () => this.socket.write(head));
    this.socket.on("error", (err) => this.fail(err));
    this.socket.on("close", () => this.onSocketClose());
  }

  get bufferedAmount(): number {
    return this.socket.writableLength;
  }

  /** Sends one message: a Uint8Array as binary, a string as text. Ignored unless open. */
  send(data: Uint8Array | string): void {
    if (this.readyState !== OPEN) return;
    if (typeof data === "string") {
      const len = Buffer.byteLength(data);
      const out = this.frameHead(0x1, len);
      out.write(data, out.length - len, "utf8");
      maskInPlace(out, out.length - len);
      this.socket.write(out);
    } else {
      this.writeFrame(0x2, data);
    }
  }

  /** Starts the close handshake (1000 unless given); the close event follows the server's reply. */
  close(code?: number, reason = ""): void {
    if (this.readyState === CLOSED || this.readyState === CLOSING) return;
    if (this.readyState === CONNECTING) {
      this.readyState = CLOSING;
      this.socket.destroy();
      return;
    }
    this.readyState = CLOSING;
    this.sendClose(code, reason);
    this.armCloseTimer();
  }

  /** Drops the TCP connection at once (close code 1006 unless a close frame was received). */
  terminate(): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSING;
    this.socket.destroy();
  }

  // ---------------------------------------------------------------- reading

  private onRead(n: number, buf: Buffer): void {
    let data = buf;
    let end = n;
    if (this.pending !== null) {
      data = Buffer.concat([this.pending, buf.subarray(0, n)]);
      end = data.length;
      this.pending = null;
    }
    let at = 0;
    if (this.readyState === CONNECTING) {
      at = this.rejected !== null ? this.readRejectBody(data, 0, end) : this.readHead(data, end);
      if (at < 0) return;
    }
    while (at < end && this.readyState !== CLOSED) {
      const next = this.readFrame(data, at, end);
      if (next < 0) {
        this.pending = Buffer.from(data.subarray(at, end));
        return;
      }
      at = next;
    }
  }

  /** Parses the upgrade response; returns where frames start, or -1 (incomplete, refused or invalid). */
  private readHead(data: Buffer, end: number): number {
    const stop = data.subarray(0, end).indexOf("\r\n\r\n", 0, "latin1");
    if (stop < 0) {
      if (end > MAX_HEAD_BYTES) this.fail(new Error("upgrade response head too large"));
      else this.pending = Buffer.from(data.subarray(0, end));
      return -1;
    }
    const lines = data.toString("latin1", 0, stop).split("\r\n");
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "");
    const headers = new Map<string, string>();
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i]!;
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    if (status === null) {
      this.fail(new Error("invalid upgrade response"));
      return -1;
    }
    const code = Number(status[1]);
    if (code !== 101) {
      const length = Number(headers.get("content-length") ?? MAX_REJECT_BODY);
      this.rejected = { status: code, body: "", length: Math.min(MAX_REJECT_BODY, Number.isFinite(length) ? length : MAX_REJECT_BODY) };
      this.readRejectBody(data, stop + 4, end);
      return -1;
    }
    const accept = createHash("sha1")
      .update(this.key + GUID)
      .digest("base64");
    if (headers.get("sec-websocket-accept") !== accept) {
      this.fail(new Error("invalid Sec-WebSocket-Accept header"));
      return -1;
    }
    const protocol = headers.get("sec-websocket-protocol") ?? "";
    if (protocol !== "" ? !this.offered.includes(protocol) : this.offered.length > 0) {
      this.fail(new Error(protocol === "" ? "server sent no subprotocol" : "server sent an invalid subprotocol"));
      return -1;
    }
    if ((headers.get("sec-websocket-extensions") ?? "") !== "") {
      this.fail(new Error("server sent an extension that was not offered"));
      return -1;
    }
    this.protocol = protocol;
    this.readyState = OPEN;
    this.onopen?.({});
    return stop + 4;
  }

  /** Collects the body of a refused upgrade; when complete, reports it and fails the connection. */
  private readRejectBody(data: Buffer, at: number, end: number): number {
    const r = this.rejected!;
    r.body += data.toString("utf8", at, end);
    if (r.body.length >= r.length) this.finishRejected();
    return -1;
  }

  private finishRejected(): void {
    const r = this.rejected;
    if (r === null || this.errorEmitted) return;
    this.onRejected?.(r.status, r.body.slice(0, r.length));
    this.fail(new Error(`Unexpected server response: ${r.status}`));
  }

  /** Handles one frame at `at`; returns where the next starts, or -1 when it is not complete yet. */
  private readFrame(data: Buffer, at: number, end: number): number {
    if (end - at < 2) return -1;
    const b0 = data[at]!;
    const b1 = data[at + 1]!;
    let len = b1 & 0x7f;
    let head = 2;
    if (len === 126) {
      if (end - at < 4) return -1;
      len = data.readUInt16BE(at + 2);
      head = 4;
    } else if (len === 127) {
      if (end - at < 10) return -1;
      len = data.readUInt32BE(at + 2) * 2 ** 32 + data.readUInt32BE(at + 6);
      head = 10;
    }
    if ((b1 & 0x80) !== 0) return this.protocolError(1002, "masked frame from the server");
    if ((b0 & 0x70) !== 0) return this.protocolError(1002, "reserved bits set");
    if (len > this.maxPayload || this.fragBytes + len > this.maxPayload) return this.protocolError(1009, "message too big");
    const start = at + head;
    const stop = start + len;
    if (stop > end) return -1;
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    switch (opcode) {
      case 0x1:
      case 0x2:
        if (this.fragments !== null) return this.protocolError(1002, "new message inside a fragmented one");
        if (fin) this.dispatch(data, start, stop, opcode === 0x2);
        else {
          this.fragOpcode = opcode;
          this.fragments = [Buffer.from(data.subarray(start, stop))];
          this.fragBytes = len;
        }
        return stop;
      case 0x0: {
        if (this.fragments === null) return this.protocolError(1002, "continuation without a message");
        this.fragments.push(Buffer.from(data.subarray(start, stop)));
        this.fragBytes += len;
        if (fin) {
          const whole = Buffer.concat(this.fragments, this.fragBytes);
          const binary = this.fragOpcode === 0x2;
          this.fragments = null;
          this.fragBytes = 0;
          this.dispatch(whole, 0, whole.length, binary);
        }
        return stop;
      }
      case 0x8:
        this.onCloseFrame(data, start, stop);
        return stop;
      case 0x9:
        if (this.readyState === OPEN) this.writeFrame(0xa, data.subarray(start, stop));
        return stop;
      case 0xa:
        return stop;
      default:
        return this.protocolError(1002, `unknown opcode ${opcode}`);
    }
  }

  private dispatch(data: Buffer, start: number, end: number, binary: boolean): void {
    if (this.readyState !== OPEN) return;
    const onframe = this.onframe;
    if (onframe !== null) {
      onframe(data, start, end, binary);
      return;
    }
    const onmessage = this.onmessage;
    if (onmessage === null) return;
    if (binary) {
      // A private copy: consumers may keep it (the shared read buffer is overwritten by the next read).
      const copy = Buffer.allocUnsafe(end - start);
      data.copy(copy, 0, start, end);
      onmessage({ data: copy });
    } else {
      onmessage({ data: data.toString("utf8", start, end) });
    }
  }

  private onCloseFrame(data: Buffer, start: number, stop: number): void {
    this.closeFrameReceived = true;
    if (stop - start >= 2) {
      this.closeCode = data.readUInt16BE(start);
      this.closeReason = data.toString("utf8", start + 2, stop);
    } else {
      this.closeCode = 1005;
      this.closeReason = "";
    }
    if (!this.closeSent) this.sendClose(stop - start >= 2 ? this.closeCode : undefined, "");
    this.readyState = CLOSING;
    this.socket.end();
    this.armCloseTimer();
  }

  /** Fails the connection with a close frame (code) and reports the problem as an error. */
  private protocolError(code: number, message: string): number {
    if (this.readyState !== OPEN) {
      this.fail(new Error(message));
      return Number.MAX_SAFE_INTEGER;
    }
    this.readyState = CLOSING;
    this.sendClose(code, "");
    if (!this.errorEmitted) {
      this.errorEmitted = true;
      this.onerror?.({ message, error: new Error(message) });
    }
    // End, not destroy: a reset would discard the close frame at the server.
    this.socket.end();
    this.armCloseTimer();
    return Number.MAX_SAFE_INTEGER;
  }

  // ---------------------------------------------------------------- writing

  private frameHead(opcode: number, len: number): Buffer {
    const head = len < 126 ? 6 : len < 65536 ? 8 : 14;
    const out = Buffer.allocUnsafe(head + len);
    out[0] = 0x80 | opcode;
    if (len < 126) out[1] = 0x80 | len;
    else if (len < 65536) {
      out[1] = 0x80 | 126;
      out.writeUInt16BE(len, 2);
    } else {
      out[1] = 0x80 | 127;
      out.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
      out.writeUInt32BE(len >>> 0, 6);
    }
    if (maskAt === MASK_POOL_SIZE) {
      randomFillSync(maskPool);
      maskAt = 0;
    }
    out[head - 4] = maskPool[maskAt]!;
    out[head - 3] = maskPool[maskAt + 1]!;
    out[head - 2] = maskPool[maskAt + 2]!;
    out[head - 1] = maskPool[maskAt + 3]!;
    maskAt += 4;
    return out;
  }

  private writeFrame(opcode: number, payload: Uint8Array): void {
    const len = payload.byteLength;
    const out = this.frameHead(opcode, len);
    const at = out.length - len;
    out.set(payload, at);
    maskInPlace(out, at);
    this.socket.write(out);
  }

  private sendClose(code: number | undefined, reason: string): void {
    if (this.closeSent || this.socket.destroyed) return;
    this.closeSent = true;
    if (code === undefined) {
      this.writeFrame(0x8, new Uint8Array(0));
      return;
    }
    const r = Buffer.from(reason.slice(0, 120), "utf8");
    const body = Buffer.allocUnsafe(2 + r.length);
    body.writeUInt16BE(code, 0);
    r.copy(body, 2);
    this.writeFrame(0x8, body);
  }

  private armCloseTimer(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = setTimeout(() => this.socket.destroy(), CLOSE_TIMEOUT_MS);
    this.closeTimer.unref();
  }

  // ---------------------------------------------------------------- endings

  private fail(err: Error): void {
    if (!this.errorEmitted && this.readyState !== CLOSED) {
      this.errorEmitted = true;
      this.onerror?.({ message: err.message, error: err });
    }
    this.socket.destroy();
  }

  private onSocketClose(): void {
    if (this.readyState === CLOSED) return;
    // A refused upgrade whose body ended with the connection (no Content-Length).
    if (this.rejected !== null && !this.errorEmitted) this.finishRejected();
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.readyState = CLOSED;
    this.pending = null;
    this.fragments = null;
    const code = this.closeFrameReceived ? this.closeCode : 1006;
    const reason = this.closeFrameReceived ? this.closeReason : "";
    this.onclose?.({ code, reason, wasClean: this.closeFrameReceived });
  }
}

/** XORs out[at…] with the 4-byte mask just before it. */
function maskInPlace(out: Buffer, at: number): void {
  const m0 = out[at - 4]!;
  const m1 = out[at - 3]!;
  const m2 = out[at - 2]!;
  const m3 = out[at - 1]!;
  const end = out.length;
  let i = at;
  for (; i + 3 < end; i += 4) {
    out[i] = out[i]! ^ m0;
    out[i + 1] = out[i + 1]! ^ m1;
    out[i + 2] = out[i + 2]! ^ m2;
    out[i + 3] = out[i + 3]! ^ m3;
  }
  if (i < end) out[i] = out[i]! ^ m0;
  if (i + 1 < end) out[i + 1] = out[i + 1]! ^ m1;
  if (i + 2 < end) out[i + 2] = out[i + 2]! ^ m2;
}

// load/lean-ws.ts against a real WebSocket server (`ws`) and against a raw TCP server that
// controls every byte: handshake, subprotocols, masking, lengths, fragmentation, control frames,
// close codes, refused upgrades, and frames split anywhere across reads.
import { createHash } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket as WsSocket } from "ws";
import { LeanWebSocket, type LeanCloseEvent } from "../../load/lean-ws.js";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A `ws` server on a free port; `onConnection` gets each server-side socket. */
async function wsServer(
  onConnection: (ws: WsSocket, protocol: string) => void,
  opts: { handleProtocols?: (p: Set<string>) => string | false } = {},
): Promise<string> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, ...opts });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  wss.on("connection", (ws) => onConnection(ws, ws.protocol));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  );
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws`;
}

/** A raw TCP server: `handle` gets the socket and the request head once it is complete. */
async function rawServer(handle: (socket: Socket, head: string) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let head = "";
    const onData = (b: Buffer): void => {
      head += b.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      handle(socket, head);
    };
    socket.on("data", onData);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
}

function accept101(head: string, extra = ""): string {
  const key = /sec-websocket-key: (.+)\r\n/i.exec(head)![1]!.trim();
  const acceptKey = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  return `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey}\r\n${extra}\r\n`;
}

/** An unmasked server frame. */
function frame(opcode: number, payload: Buffer, fin = true): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = (fin ? 0x80 : 0) | opcode;
  if (len >= 126 && len < 65536) {
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65536) {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

function opened(ws: LeanWebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = (e) => reject(e.error);
  });
}

function closed(ws: LeanWebSocket): Promise<LeanCloseEvent> {
  return new Promise((resolve) => (ws.onclose = resolve));
}

function nextMessage(ws: LeanWebSocket): Promise<Buffer | string> {
  return new Promise((resolve) => (ws.onmessage = (ev) => resolve(ev.data)));
}

describe("LeanWebSocket", () => {
  it("negotiates a subprotocol and round-trips binary and text of every length class", async () => {
    const url = await wsServer((ws) => ws.on("message", (data, isBinary) => ws.send(data, { binary: isBinary })), {
      handleProtocols: (p) => (p.has("bearer") ? "bearer" : false),
    });
    const ws = new LeanWebSocket(url, { protocols: ["bearer", "tok.en-1"] });
    await opened(ws);
    expect(ws.protocol).toBe("bearer");
    expect(ws.readyState).toBe(LeanWebSocket.OPEN);
    for (const size of [0, 1, 125, 126, 65535, 65536, 200_000]) {
      const payload = Buffer.alloc(size, size % 251);
      for (let i = 0; i < size; i += 997) payload[i] = i % 256;
      ws.send(payload);
      const echo = await nextMessage(ws);
      expect(Buffer.isBuffer(echo)).toBe(true);
      expect(Buffer.compare(echo as Buffer, payload)).toBe(0);
    }
    ws.send("héllo, wörld");
    expect(await nextMessage(ws)).toBe("héllo, wörld");
    const done = closed(ws);
    ws.close(1000, "bye");
    expect(await done).toMatchObject({ code: 1000, wasClean: true });
  });

  it("masks every frame it sends with a fresh mask", async () => {
    const masks: string[] = [];
    const payloads: Buffer[] = [];
    const url = await rawServer((socket, head) => {
      socket.write(accept101(head));
      let buf = Buffer.alloc(0);
      socket.on("data", (b: Buffer) => {
        buf = Buffer.concat([buf, b]);
        while (buf.length >= 6 && buf.length >= 6 + (buf[1]! & 0x7f)) {
          expect(buf[1]! & 0x80).toBe(0x80);
          const len = buf[1]! & 0x7f;
          const mask = buf.subarray(2, 6);
          masks.push(mask.toString("hex"));
          payloads.push(Buffer.from(buf.subarray(6, 6 + len).map((x, i) => x ^ mask[i % 4]!)));
          buf = buf.subarray(6 + len);
        }
        if (payloads.length === 3) socket.write(frame(0x2, Buffer.from("ok")));
      });
    });
    const ws = new LeanWebSocket(url);
    await opened(ws);
    const reply = nextMessage(ws);
    for (const s of ["abc", "abcdefgh", "x"]) ws.send(Buffer.from(s));
    await reply;
    expect(payloads.map((p) => p.toString())).toEqual(["abc", "abcdefgh", "x"]);
    expect(new Set(masks).size).toBe(3);
    ws.terminate();
  });

  it("reassembles a fragmented message and answers a ping with its payload", async () => {
    let pong: Buffer | null = null;
    const gotPong = new Promise<void>((resolve) => {
      void wsServer((ws) => {
        ws.on("pong", (data) => {
          pong = data;
          resolve();
        });
        ws.send(Buffer.from("part one, "), { binary: true, fin: false });
        ws.ping(Buffer.from("are you there"));
        ws.send(Buffer.from("part two"), { binary: true, fin: true });
      }).then((url) => {
        const ws = new LeanWebSocket(url);
        cleanups.push(() => ws.terminate());
        ws.onmessage = (ev) => messages.push(ev.data);
      });
    });
    const messages: (Buffer | string)[] = [];
    await gotPong;
    expect(pong!.toString()).toBe("are you there");
    expect(messages.map((m) => m.toString())).toEqual(["part one, part two"]);
  });

  it("parses frames however the bytes are split across reads (one byte at a time)", async () => {
    const payloads = [Buffer.from("a"), Buffer.alloc(300, 7), Buffer.alloc(70_000, 9), Buffer.from("last")];
    const url = await rawServer((socket, head) => {
      // The 101 response and every frame after it, written one byte per write.
      const bytes = Buffer.concat([Buffer.from(accept101(head), "latin1"), ...payloads.map((p) => frame(0x2, p))]);
      let i = 0;
      const next = (): void => {
        if (i >= bytes.length) return;
        const end = i < 400 ? i + 1 : Math.min(bytes.length, i + 4096);
        socket.write(bytes.subarray(i, end), next);
        i = end;
      };
      next();
    });
    const ws = new LeanWebSocket(url);
    const got: Buffer[] = [];
    const all = new Promise<void>((resolve) => {
      ws.onmessage = (ev) => {
        got.push(ev.data as Buffer);
        if (got.length === payloads.length) resolve();
      };
    });
    await all;
    ws.terminate();
    expect(got.map((g) => g.length)).toEqual(payloads.map((p) => p.length));
    for (let k = 0; k < payloads.length; k += 1) expect(Buffer.compare(got[k]!, payloads[k]!)).toBe(0);
  });

  it("hands frames to onframe as views, several frames from one read in order", async () => {
    const url = await rawServer((socket, head) => {
      socket.write(Buffer.concat([Buffer.from(accept101(head), "latin1"), frame(0x2, Buffer.from("one")), frame(0x1, Buffer.from("two"))]));
    });
    const ws = new LeanWebSocket(url);
    const got: [string, boolean][] = [];
    const both = new Promise<void>((resolve) => {
      ws.onframe = (buf, start, end, binary) => {
        got.push([buf.toString("utf8", start, end), binary]);
        if (got.length === 2) resolve();
      };
    });
    await both;
    ws.terminate();
    expect(got).toEqual([
      ["one", true],
      ["two", false],
    ]);
  });

  it("reports the server's close code and reason, and echoes the close", async () => {
    let echoed!: Promise<number>;
    const url = await wsServer((ws) => {
      echoed = new Promise((resolve) => ws.on("close", (code) => resolve(code)));
      ws.close(4003, "slow consumer");
    });
    const ws = new LeanWebSocket(url);
    const ev = await closed(ws);
    expect(ev).toMatchObject({ code: 4003, reason: "slow consumer", wasClean: true });
    expect(ws.readyState).toBe(LeanWebSocket.CLOSED);
    expect(await echoed).toBe(4003);
  });

  it("reports 1006 when the connection ends without a close frame", async () => {
    const url = await rawServer((socket, head) => {
      socket.write(accept101(head));
      socket.end();
    });
    const ws = new LeanWebSocket(url);
    expect(await closed(ws)).toMatchObject({ code: 1006, wasClean: false });
  });

  it("reports a refused upgrade with its status and body, then 1006", async () => {
    const url = await rawServer((socket) => {
      const body = JSON.stringify({ error: "ip_rate", message: "slow down" });
      socket.end(`HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    });
    let rejected: [number, string] | null = null;
    const ws = new LeanWebSocket(url, { onRejected: (status, body) => (rejected = [status, body]) });
    const error = new Promise<string>((resolve) => (ws.onerror = (e) => resolve(e.message)));
    const ev = await closed(ws);
    expect(await error).toBe("Unexpected server response: 429");
    expect(rejected).toEqual([429, '{"error":"ip_rate","message":"slow down"}']);
    expect(ev.code).toBe(1006);
  });

  it("fails the handshake on a wrong Sec-WebSocket-Accept or an unoffered subprotocol", async () => {
    const bad = await rawServer((socket) => {
      socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: nope\r\n\r\n");
    });
    const a = new LeanWebSocket(bad);
    const errA = new Promise<string>((resolve) => (a.onerror = (e) => resolve(e.message)));
    expect(await errA).toMatch(/Sec-WebSocket-Accept/);
    expect((await closed(a)).code).toBe(1006);

    const proto = await rawServer((socket, head) => socket.write(accept101(head, "Sec-WebSocket-Protocol: other\r\n")));
    const b = new LeanWebSocket(proto, { protocols: ["bearer", "x"] });
    const errB = new Promise<string>((resolve) => (b.onerror = (e) => resolve(e.message)));
    expect(await errB).toMatch(/subprotocol/);
  });

  it("reports a refused TCP connection as an error with its code, then 1006", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const ws = new LeanWebSocket(`ws://127.0.0.1:${port}/ws`);
    const error = new Promise<Error>((resolve) => (ws.onerror = (e) => resolve(e.error)));
    expect((await closed(ws)).code).toBe(1006);
    expect(((await error) as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });

  it("closes with 1002 on a masked server frame (a protocol error)", async () => {
    let got!: Promise<Buffer>;
    const url = await rawServer((socket, head) => {
      socket.write(Buffer.concat([Buffer.from(accept101(head), "latin1"), Buffer.from([0x82, 0x81, 1, 2, 3, 4, 0x61])]));
      const chunks: Buffer[] = [];
      socket.on("data", (b: Buffer) => chunks.push(b));
      got = new Promise((resolve) => socket.on("end", () => resolve(Buffer.concat(chunks))));
      socket.on("end", () => socket.end());
    });
    const ws = new LeanWebSocket(url);
    const error = new Promise<string>((resolve) => (ws.onerror = (e) => resolve(e.message)));
    expect(await error).toMatch(/masked/);
    expect((await closed(ws)).code).toBe(1006);
    // The close frame it sent before ending the connection: opcode 8, masked, code 1002.
    const f = await got;
    expect(f[0]).toBe(0x88);
    const mask = f.subarray(2, 6);
    expect(((f[6]! ^ mask[0]!) << 8) | (f[7]! ^ mask[1]!)).toBe(1002);
  });
});

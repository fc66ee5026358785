// Peer: Socket.IO with @socket.io/redis-adapter, the way most Node teams build chat today. Run one
// process per node, all on one Redis: each socket joins a room named after its user id (token `sub`,
// decoded, not verified); a "m" event (to, message) is emitted to room `to` (a user, or a group id
// whose members were joined by a "g" event) and acknowledged with a Socket.IO acknowledgement.
// WebSocket transport only, no per-message deflate: the fastest Socket.IO configuration.
//
//   REDIS_URL=redis://127.0.0.1:6379 node dist/load/peers/socketio-server.js [--port 0] [--key socket.io]
// Prints `listening <port>` on stdout when ready; GET /healthz answers "ok".
import { createServer } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { jwtSubject } from "./jwt-sub.js";

export interface SocketIoHandle {
  port: number;
  close(): Promise<void>;
}

export async function startSocketIoPeer(opts: { host: string; port: number; redisUrl: string; key: string }): Promise<SocketIoHandle> {
  const pub = new Redis(opts.redisUrl, { lazyConnect: true });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const http = createServer((req, res) => {
    if (req.url === "/healthz") res.end("ok");
    else res.writeHead(404).end();
  });
  const io = new Server(http, {
    transports: ["websocket"],
    perMessageDeflate: false,
    serveClient: false,
    adapter: createAdapter(pub, sub, { key: opts.key }),
  });
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const token = typeof auth.token === "string" ? auth.token : String(socket.handshake.query["token"] ?? "");
    const user = jwtSubject(token);
    if (user === null) return next(new Error("unauthorized"));
    socket.data = { user };
    next();
  });
  io.on("connection", (socket) => {
    void socket.join((socket.data as { user: string }).user);
    socket.on("m", (to: unknown, message: unknown, ack: unknown) => {
      if (typeof to !== "string") return;
      socket.to(to).emit("m", message);
      if (typeof ack === "function") (ack as () => void)();
    });
    socket.on("g", (group: unknown, members: unknown, ack: unknown) => {
      if (typeof group !== "string" || !Array.isArray(members)) return;
      // Reaches the members' sockets on every node through the adapter; give remote nodes a moment.
      io.in(members as string[]).socketsJoin(group);
      if (typeof ack === "function") setTimeout(ack as () => void, 200);
    });
  });
  await new Promise<void>((ok, fail) => {
    http.once("error", fail);
    http.listen(opts.port, opts.host, () => ok());
  });
  const address = http.address();
  return {
    port: typeof address === "object" && address !== null ? address.port : opts.port,
    close: async () => {
      await new Promise<void>((ok) => void io.close(() => ok()));
      pub.disconnect();
      sub.disconnect();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "0" },
      host: { type: "string", default: "127.0.0.1" },
      key: { type: "string", default: "socket.io" },
    },
  });
  const peer = await startSocketIoPeer({
    host: values.host!,
    port: Number(values.port),
    redisUrl: process.env["REDIS_URL"] ?? "redis://127.0.0.1:6379",
    key: values.key!,
  });
  process.stdout.write(`listening ${peer.port}\n`);
  const stop = (): void => void peer.close().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();

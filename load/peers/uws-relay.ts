// Peer: a bare uWebSockets.js relay, the ceiling of this stack. One process; a connection's user
// id comes from its token (?token=, `sub` decoded, not verified); a SEND frame is forwarded byte for
// byte to the recipient's socket (or published to a group's topic) and acked to the sender. No
// store, no sequence numbers, no limits, no keepalive: whatever Switchboard does beyond this is
// what it costs. Frames: load/peers/relay-protocol.ts.
//
//   node dist/load/peers/uws-relay.js [--port 0] [--host 127.0.0.1]
// Prints `listening <port>` on stdout when ready; GET /healthz answers "ok".
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type * as UWS from "uWebSockets.js";
import { jwtSubject } from "./jwt-sub.js";
import { ACK, GROUP, SEND } from "./relay-protocol.js";

interface UserData {
  user: string;
}

export interface RelayHandle {
  port: number;
  close(): void;
}

export function startUwsRelay(host: string, port: number): Promise<RelayHandle> {
  const uws = createRequire(import.meta.url)("uWebSockets.js") as typeof UWS;
  if (!Function.prototype.toString.call(uws.App).includes("[native code]")) throw new Error("uWebSockets.js native binary did not load");
  const users = new Map<string, UWS.WebSocket<UserData>>();
  const latin1 = new TextDecoder("latin1");
  const app = uws.App();
  app.ws<UserData>("/ws", {
    compression: uws.DISABLED,
    maxPayloadLength: 128 * 1024,
    maxBackpressure: 64 * 1024 * 1024,
    idleTimeout: 0,
    sendPingsAutomatically: false,
    upgrade: (res, req, context) => {
      const user = jwtSubject(req.getQuery("token") ?? "");
      if (user === null) {
        res.writeStatus("401 Unauthorized").end("no token");
        return;
      }
      res.upgrade<UserData>(
        { user },
        req.getHeader("sec-websocket-key"),
        req.getHeader("sec-websocket-protocol"),
        req.getHeader("sec-websocket-extensions"),
        context,
      );
    },
    open: (ws) => {
      users.set(ws.getUserData().user, ws);
    },
    message: (ws, message) => {
      const bytes = new Uint8Array(message);
      if (bytes.length < 6) return;
      const kind = bytes[0];
      const toLen = bytes[5]!;
      const to = latin1.decode(bytes.subarray(6, 6 + toLen));
      if (kind === SEND) {
        const payload = bytes.subarray(6 + toLen);
        if (to.startsWith("g:")) app.publish(to, payload, true);
        else users.get(to)?.send(payload, true);
      } else if (kind === GROUP) {
        for (let at = 6 + toLen; at < bytes.length;) {
          const len = bytes[at]!;
          users.get(latin1.decode(bytes.subarray(at + 1, at + 1 + len)))?.subscribe(to);
          at += 1 + len;
        }
      } else return;
      bytes[0] = ACK;
      ws.send(bytes.subarray(0, 5), true);
    },
    close: (ws) => {
      const user = ws.getUserData().user;
      if (users.get(user) === ws) users.delete(user);
    },
  });
  app.get("/healthz", (res) => void res.end("ok"));
  app.any("/*", (res) => void res.writeStatus("404 Not Found").end());
  return new Promise((resolve, reject) => {
    app.listen(host, port, (socket) => {
      if (socket === false) return reject(new Error(`uws-relay: cannot listen on ${host}:${port}`));
      resolve({
        port: uws.us_socket_local_port(socket as unknown as UWS.us_socket),
        close: () => uws.us_listen_socket_close(socket),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "0" }, host: { type: "string", default: "127.0.0.1" } } });
  const relay = await startUwsRelay(values.host!, Number(values.port));
  process.stdout.write(`listening ${relay.port}\n`);
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => process.exit(0));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();

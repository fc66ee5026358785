// The uWS server: authenticated upgrade, socket events into the node, and the HTTP surface
// (/healthz, /readyz, /metrics, /v1/* server API).
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { isValidDeviceId } from "../core/ids.js";
import type { GatewayNode } from "../core/node.js";
import type { Session } from "../core/session.js";
import { TokenBucket } from "../core/rate-limit.js";
import type { Metrics } from "../observability/metrics.js";
import { AuthError, type Identity, type TokenVerifier } from "./auth.js";
import type { UWS } from "./uws.js";

export interface ServerOptions {
  host: string;
  port: number;
  maxFrameBytes: number;
  hardBufferBytes: number;
  maxConnections: number;
  ipMaxConnections: number;
  ipConnectRate: number;
  ipConnectBurst: number;
  maxDevicesPerUser: number;
  authTimeoutMs: number;
  originAllowlist: string[];
  trustProxy: boolean;
}

/** An HTTP route of the server API: gets the parsed request, returns status + JSON body. */
export type ApiHandler = (req: ApiRequest) => Promise<{ status: number; body: unknown }>;

export interface ApiRequest {
  method: string;
  path: string;
  /** The raw query string, without "?" ("" when none). */
  query: string;
  authorization: string;
  body: Buffer;
}

interface Reject {
  status: string;
  reason: string;
  message: string;
}

const REJECT = {
  draining: { status: "503 Service Unavailable", reason: "draining", message: "node is draining: connect to another node" },
  full: { status: "503 Service Unavailable", reason: "node_full", message: "node at MAX_CONNECTIONS: connect to another node" },
  origin: { status: "403 Forbidden", reason: "origin", message: "Origin not in ORIGIN_ALLOWLIST" },
  ipCount: { status: "429 Too Many Requests", reason: "ip_connections", message: "too many connections from this address" },
  ipRate: { status: "429 Too Many Requests", reason: "ip_rate", message: "connecting too fast from this address: back off" },
  devices: { status: "429 Too Many Requests", reason: "device_cap", message: "too many devices connected for this user" },
  timeout: { status: "503 Service Unavailable", reason: "auth_timeout", message: "authentication timed out: retry" },
} satisfies Record<string, Reject>;

const MAX_API_BODY = 1024 * 1024;

interface Holder {
  s: Session;
}

export class GatewayServer {
  draining = false;
  private readonly app: UWS.TemplatedApp;
  private listenSocket: UWS.us_listen_socket | null = null;
  private readonly ipCounts = new Map<string, number>();
  private readonly ipBuckets = new Map<string, TokenBucket>();
  private pending = 0;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    private readonly uws: typeof UWS,
    private readonly opts: ServerOptions,
    private readonly node: GatewayNode,
    private readonly verifier: TokenVerifier,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly ready: () => boolean,
    private readonly api: ApiHandler | null,
  ) {
    this.app = uws.App();
    // uWS copies the own properties of the upgrade's user data onto its socket object (losing the
    // prototype), so the Session instance travels inside a one-field holder.
    this.app.ws<Holder>("/ws", {
      compression: uws.DISABLED,
      // Frames between MAX_FRAME_BYTES and twice that get a typed error; beyond, uWS closes (1009).
      maxPayloadLength: opts.maxFrameBytes * 2,
      // We close slow consumers ourselves (with our code) before uWS would drop anything.
      maxBackpressure: opts.hardBufferBytes + opts.maxFrameBytes * 4,
      closeOnBackpressureLimit: 0,
      idleTimeout: 0,
      sendPingsAutomatically: false,
      upgrade: (res, req, context) => this.upgrade(res, req, context),
      open: (ws) => {
        const s = ws.getUserData().s;
        s.socket = ws;
        this.node.onOpen(s);
      },
      message: (ws, message, isBinary) => this.node.onMessage(ws.getUserData().s, message, isBinary),
      drain: (ws) => this.node.onDrain(ws.getUserData().s),
      pong: (ws) => this.node.onPong(ws.getUserData().s),
      close: (ws, code) => {
        const s = ws.getUserData().s;
        this.releaseIp(s.ip);
        this.node.onClose(s, code);
      },
    });
    this.app.get("/healthz", (res) => {
      res.writeHeader("content-type", "text/plain").end("ok");
    });
    this.app.get("/readyz", (res) => {
      const ok = !this.draining && this.ready();
      res
        .writeStatus(ok ? "200 OK" : "503 Service Unavailable")
        .writeHeader("content-type", "text/plain")
        .end(ok ? "ready" : "not ready");
    });
    this.app.get("/metrics", (res) => this.serveMetrics(res));
    this.app.any("/v1/*", (res, req) => this.serveApi(res, req));
    this.app.any("/*", (res) => {
      res.writeStatus("404 Not Found").writeHeader("content-type", "application/json").end('{"error":"not found"}');
    });
    this.sweepTimer = setInterval(() => this.sweepBuckets(), 10_000);
    this.sweepTimer.unref();
  }

  /** Binds the port (0 = OS-assigned) and resolves with the bound port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.app.listen(this.opts.host, this.opts.port, (socket) => {
        if (socket === false) {
          reject(new Error(`could not listen on ${this.opts.host}:${this.opts.port}: is the port in use or the HOST invalid?`));
          return;
        }
        this.listenSocket = socket;
        resolve(this.uws.us_socket_local_port(socket as unknown as UWS.us_socket));
      });
    });
  }

  /** Stops accepting connections; open sockets stay until the node closes them. */
  stopListening(): void {
    if (this.listenSocket !== null) {
      this.uws.us_listen_socket_close(this.listenSocket);
      this.listenSocket = null;
    }
    clearInterval(this.sweepTimer);
  }

  // ------------------------------------------------------------------ upgrade

  private upgrade(res: UWS.HttpResponse, req: UWS.HttpRequest, context: UWS.us_socket_context_t): void {
    // Everything from req must be copied now: it is invalid after the first await.
    const opts = this.opts;
    // The last X-Forwarded-For entry is the one the trusted proxy added; those before it are
    // whatever the client sent (nginx's $proxy_add_x_forwarded_for appends), so a client could
    // pick its own address past the per-IP limits, or use up another's.
    const forwarded = opts.trustProxy ? lastForwarded(req.getHeader("x-forwarded-for")) : "";
    const ip = forwarded !== "" ? forwarded : remoteAddress(res);
    // Origin only matters with an allowlist: no header copy per upgrade otherwise.
    const rejection = this.admit(ip, opts.originAllowlist.length > 0 ? req.getHeader("origin") : "");
    if (rejection !== null) {
      this.reject(res, rejection);
      return;
    }
    const secKey = req.getHeader("sec-websocket-key");
    const secProtocol = req.getHeader("sec-websocket-protocol");
    const secExtensions = req.getHeader("sec-websocket-extensions");
    const queryDevice = req.getQuery("device") ?? "";
    const { token, protocol } = extractToken(req.getHeader("authorization"), secProtocol, req.getQuery("token") ?? "");
    this.ipCounts.set(ip, (this.ipCounts.get(ip) ?? 0) + 1);
    this.pending += 1;
    // Exactly one of abort and verification settles the attempt; the IP slot it took is released
    // here unless the upgrade succeeds (then the socket's close handler releases it).
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      this.pending -= 1;
      return true;
    };
    res.onAborted(() => {
      if (settle()) this.releaseIp(ip);
    });
    // No timer per upgrade: verification is local CPU work, so the deadline is checked when it
    // completes. Past it the node is overloaded and the client has likely given up: refuse (503)
    // rather than upgrade. Slow request headers are cut by uWS's own HTTP timeout.
    const started = performance.now();
    this.verifier.verify(token).then(
      (identity) => {
        if (!settle()) return;
        const refusal = this.refuseVerified(identity, queryDevice, started);
        if (refusal !== null && typeof refusal !== "string") {
          this.releaseIp(ip);
          this.reject(res, refusal);
          return;
        }
        const holder: Holder = { s: this.node.newSession(identity.userId, refusal, ip, identity.expSec, protocol) };
        res.cork(() => res.upgrade(holder, secKey, protocol, secExtensions, context));
      },
      (err: unknown) => {
        if (!settle()) return;
        this.releaseIp(ip);
        if (err instanceof AuthError) {
          this.metrics.upgradeRejectsBy.get(`auth_${err.reason}`).inc();
          this.respond(res, "401 Unauthorized", { error: "unauthorized", reason: err.reason, message: err.message });
          return;
        }
        this.log.error({ err }, "upgrade failed");
        this.respond(res, "500 Internal Server Error", { error: "internal" });
      },
    );
  }

  /**
   * After verification: the device id to open the session with (null: the client named none, the
   * node assigns one), or why the upgrade is refused.
   */
  private refuseVerified(identity: Identity, queryDevice: string, started: number): string | null | Reject {
    // Draining began while this token was being verified: the goaway snapshot missed it.
    if (this.draining) return REJECT.draining;
    if (performance.now() - started > this.opts.authTimeoutMs) return REJECT.timeout;
    const deviceId = queryDevice !== "" ? queryDevice : identity.deviceId;
    return this.refuseIdentity(identity.userId, deviceId) ?? deviceId;
  }

  private refuseIdentity(userId: string, deviceId: string | null): Reject | null {
    if (deviceId !== null && !isValidDeviceId(deviceId)) {
      return { status: "400 Bad Request", reason: "bad_device", message: "device must match [A-Za-z0-9_.@-]{1,64}" };
    }
    const sessions = this.node.registry.sessionsOf(userId);
    // A device without a name is always a new one: it never replaces a session.
    if (
      sessions !== undefined &&
      sessions.length >= this.opts.maxDevicesPerUser &&
      (deviceId === null || !this.node.registry.hasDevice(userId, deviceId))
    ) {
      return REJECT.devices;
    }
    return null;
  }

  /** Cheap checks before any crypto: draining, capacity, origin, per-IP count and rate. */
  private admit(ip: string, origin: string): Reject | null {
    if (this.draining) return REJECT.draining;
    if (this.node.registry.size + this.pending >= this.opts.maxConnections) return REJECT.full;
    if (this.opts.originAllowlist.length > 0 && !this.opts.originAllowlist.includes(origin)) return REJECT.origin;
    if ((this.ipCounts.get(ip) ?? 0) >= this.opts.ipMaxConnections) return REJECT.ipCount;
    let bucket = this.ipBuckets.get(ip);
    const now = Date.now();
    if (bucket === undefined) {
      bucket = new TokenBucket(this.opts.ipConnectRate, this.opts.ipConnectBurst, now);
      this.ipBuckets.set(ip, bucket);
    }
    if (bucket.take(now) > 0) return REJECT.ipRate;
    return null;
  }

  private reject(res: UWS.HttpResponse, r: Reject): void {
    this.metrics.upgradeRejectsBy.get(r.reason).inc();
    this.respond(res, r.status, { error: r.reason, message: r.message });
  }

  private respond(res: UWS.HttpResponse, status: string, body: unknown): void {
    res.cork(() => {
      res.writeStatus(status).writeHeader("content-type", "application/json").end(JSON.stringify(body), true);
    });
  }

  private releaseIp(ip: string): void {
    const n = (this.ipCounts.get(ip) ?? 1) - 1;
    if (n <= 0) this.ipCounts.delete(ip);
    else this.ipCounts.set(ip, n);
  }

  private sweepBuckets(): void {
    const now = Date.now();
    for (const [ip, b] of this.ipBuckets) if (b.isFull(now)) this.ipBuckets.delete(ip);
  }

  // ------------------------------------------------------------------ HTTP

  private serveMetrics(res: UWS.HttpResponse): void {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    this.metrics.registry.metrics().then(
      (text) => {
        if (aborted) return;
        res.cork(() => res.writeHeader("content-type", this.metrics.registry.contentType).end(text));
      },
      (err: unknown) => {
        this.log.error({ err }, "metrics collection failed");
        if (!aborted) res.cork(() => res.writeStatus("500 Internal Server Error").end());
      },
    );
  }

  private serveApi(res: UWS.HttpResponse, req: UWS.HttpRequest): void {
    const method = req.getMethod().toUpperCase();
    const path = req.getUrl();
    const query = req.getQuery() ?? "";
    const authorization = req.getHeader("authorization");
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    if (this.api === null) {
      this.respond(res, "503 Service Unavailable", { error: "api_disabled", message: "set API_KEY to enable the server API" });
      return;
    }
    const api = this.api;
    const chunks: Buffer[] = [];
    let size = 0;
    res.onData((chunk, isLast) => {
      if (aborted) return;
      size += chunk.byteLength;
      if (size > MAX_API_BODY) {
        aborted = true;
        this.respond(res, "413 Payload Too Large", { error: "too_large", message: `body over ${MAX_API_BODY} bytes` });
        return;
      }
      chunks.push(Buffer.from(chunk.slice(0)));
      if (!isLast) return;
      api({ method, path, query, authorization, body: Buffer.concat(chunks) }).then(
        ({ status, body }) => {
          if (!aborted) this.respond(res, httpStatus(status), body);
        },
        (err: unknown) => {
          this.log.error({ err, path }, "api request failed");
          if (!aborted) this.respond(res, "500 Internal Server Error", { error: "internal" });
        },
      );
    });
  }
}

/**
 * Token from `Authorization: Bearer`, from `Sec-WebSocket-Protocol: bearer, <token>` (browsers
 * cannot set headers; the server then selects "bearer"), or from `?token=`.
 */
export function extractToken(authorization: string, secProtocol: string, queryToken: string): { token: string; protocol: string } {
  if (authorization.length >= 7 && authorization.slice(0, 7).toLowerCase() === "bearer ")
    return { token: authorization.slice(7).trim(), protocol: "" };
  // The first two entries of the offered list, without splitting the whole header.
  const comma = secProtocol.indexOf(",");
  if (comma >= 0 && secProtocol.slice(0, comma).trim().toLowerCase() === "bearer") {
    const next = secProtocol.indexOf(",", comma + 1);
    return { token: secProtocol.slice(comma + 1, next < 0 ? secProtocol.length : next).trim(), protocol: "bearer" };
  }
  return { token: queryToken, protocol: "" };
}

/** The entry the nearest proxy appended to X-Forwarded-For ("" when there is none). */
export function lastForwarded(header: string): string {
  return header.slice(header.lastIndexOf(",") + 1).trim();
}

/** The peer address as text, through one shared decoder (no Buffer view per upgrade). */
function remoteAddress(res: UWS.HttpResponse): string {
  return UTF8.decode(res.getRemoteAddressAsText());
}

const UTF8 = new TextDecoder();

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function httpStatus(code: number): string {
  return `${code} ${STATUS_TEXT[code] ?? "Status"}`;
}

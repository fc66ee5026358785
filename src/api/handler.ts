// The server API's HTTP side: API-key check, routing (404/405), JSON parsing, and the one mapping
// from errors to `{ error: { code, message, retryable } }` with ERROR_TABLE's HTTP status.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Logger } from "pino";
import type { GatewayNode } from "../core/node.js";
import type { Metrics } from "../observability/metrics.js";
import { ErrorCode, SwitchboardError, toSwitchboardError } from "../protocol/codes.js";
import type { ApiHandler, ApiRequest } from "../transport/server.js";
import { ROUTES, type ApiResponse, type Route } from "./routes.js";

export interface ApiOptions {
  /** API_KEY; undefined disables the API (every call answers 503 saying how to enable it). */
  apiKey: string | undefined;
  node: GatewayNode;
  metrics: Metrics;
  log: Logger;
}

/** The error body of every failed call. */
export function errorBody(
  code: string,
  message: string,
  retryable: boolean,
): { error: { code: string; message: string; retryable: boolean } } {
  return { error: { code, message, retryable } };
}

const DISABLED: ApiResponse = {
  status: 503,
  body: errorBody("UNAVAILABLE", "the server API is disabled: set API_KEY (at least 16 characters) to enable it", false),
};
const UNAUTHORIZED: ApiResponse = {
  status: 401,
  body: errorBody("UNAUTHORIZED", "send Authorization: Bearer <API_KEY>", false),
};

/** Builds the handler the transport calls for every /v1/* request. */
export function createApiHandler(opts: ApiOptions): ApiHandler {
  // Compare digests: equal lengths for timingSafeEqual, and no early exit on the key's length.
  const keyDigest = opts.apiKey === undefined ? null : sha256(opts.apiKey);
  const authorized = (header: string): boolean => {
    if (keyDigest === null || !/^bearer /i.test(header)) return false;
    return timingSafeEqual(sha256(header.slice(7).trim()), keyDigest);
  };

  return async (req: ApiRequest): Promise<ApiResponse> => {
    const { route, response } = await answer(req);
    opts.metrics.apiRequests.labels(route, String(response.status)).inc();
    return response;
  };

  async function answer(req: ApiRequest): Promise<{ route: string; response: ApiResponse }> {
    if (keyDigest === null) return { route: "disabled", response: DISABLED };
    if (!authorized(req.authorization)) return { route: "unauthorized", response: UNAUTHORIZED };
    const path = req.path.length > 1 && req.path.endsWith("/") ? req.path.slice(0, -1) : req.path;
    const matching = ROUTES.filter((r) => r.pattern.test(path));
    if (matching.length === 0) {
      return { route: "unknown", response: fail(404, "NOT_FOUND", `no API route ${path}`) };
    }
    const route = matching.find((r) => r.method === req.method);
    if (route === undefined) {
      const allowed = matching.map((r) => r.method).join(", ");
      return { route: "unknown", response: fail(405, "INVALID_ARGUMENT", `${req.method} is not allowed on ${path}: use ${allowed}`) };
    }
    try {
      return { route: route.name, response: await run(route, path, req) };
    } catch (err) {
      return { route: route.name, response: toResponse(err, route, opts.log) };
    }
  }

  function run(route: Route, path: string, req: ApiRequest): Promise<ApiResponse> {
    const params = (route.pattern.exec(path) ?? []).slice(1).map(decodeSegment);
    return route.handle(opts.node, { params, query: new URLSearchParams(req.query), json: parseJson(req.body) });
  }
}

function sha256(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}

function fail(status: number, code: string, message: string): ApiResponse {
  return { status, body: errorBody(code, message, false) };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `path segment "${s.slice(0, 80)}" is not valid percent-encoding`);
  }
}

/** undefined for an empty body (GET, or POST without one); the schemas say what is required. */
function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch (err) {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `request body is not valid JSON: ${(err as Error).message}`);
  }
}

function toResponse(err: unknown, route: Route, log: Logger): ApiResponse {
  const e = toSwitchboardError(err);
  if (e.code === ErrorCode.INTERNAL) log.error({ err, route: route.name }, "server API request failed");
  const body = errorBody(ErrorCode[e.code] ?? "INTERNAL", e.message, e.retryable);
  if (e.retryAfterMs > 0) Object.assign(body.error, { retry_after_ms: e.retryAfterMs });
  return { status: e.httpStatus, body };
}

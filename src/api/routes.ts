// The server API's endpoints: request schemas (zod), the route table, and what each route asks
// of the node. JSON field names are snake_case like the protocol's; errors are thrown as
// SwitchboardError and mapped to HTTP by handler.ts.
import { z } from "zod";
import { assertUserId } from "../core/ids.js";
import type { GatewayNode } from "../core/node.js";
import type { Group } from "../engine/types.js";
import { ErrorCode, SwitchboardError } from "../protocol/codes.js";
import { isWellFormed } from "../protocol/text.js";

/** Sender id of messages the system posts (publish without sender_id). */
export const SYSTEM_SENDER = "system";
/** sender_device of messages published through the API. */
export const API_DEVICE = "api";
/** At most this many users per presence query (the protocol's MAX_PRESENCE_QUERY). */
const MAX_PRESENCE_USERS = 500;
/** Room left in a frame for a message's other fields when bounding an API body. */
const FRAME_OVERHEAD = 1024;

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** A matched request: path parameters, the parsed query and the JSON body (undefined if none). */
export interface RouteRequest {
  params: string[];
  query: URLSearchParams;
  json: unknown;
}

export interface Route {
  /** Bounded metric label. */
  name: string;
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handle(node: GatewayNode, req: RouteRequest): Promise<ApiResponse>;
}

const userId = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, "must match [A-Za-z0-9_.@-]{1,64}");
const userIds = z.array(userId).min(1, "must list at least one user").max(5000);

/** Stored text: JSON can carry unpaired surrogates ("\ud800"), which have no UTF-8 form. */
const text = (max: number, min = 0) =>
  z.string().min(min).max(max).refine(isWellFormed, "must be well-formed Unicode text (it holds an unpaired surrogate)");

const createGroupBody = z.strictObject({
  owner_id: userId,
  name: text(200),
  member_ids: z.array(userId).max(5000).default([]),
  group_id: z
    .string()
    .regex(/^(g:)?[A-Za-z0-9_.@-]{1,64}$/, "must match [A-Za-z0-9_.@-]{1,64} (optionally prefixed g:)")
    .optional(),
});

const membersBody = z.strictObject({ user_ids: userIds });

const publishBody = z
  .strictObject({
    sender_id: userId.optional(),
    body: z.string().optional(),
    body_base64: z.base64("must be base64").optional(),
    content_type: text(128).default(""),
    idempotency_key: text(128, 1),
  })
  .refine((b) => (b.body === undefined) !== (b.body_base64 === undefined), { message: "set exactly one of body and body_base64" });

/** Parses a body with a schema; failures are INVALID_ARGUMENT naming the fields. */
function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const r = schema.safeParse(json ?? {});
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `invalid request body: ${detail}`);
}

/** "g:team", "team" and "g%3Ateam" all name the group conversation g:team. */
function groupConversation(raw: string): string {
  return raw.startsWith("g:") ? raw : `g:${raw}`;
}

export function groupJson(g: Group): unknown {
  return { conversation_id: g.conversationId, name: g.name, owner_id: g.ownerId, member_ids: g.memberIds };
}

async function createGroup(node: GatewayNode, req: RouteRequest): Promise<ApiResponse> {
  const b = parse(createGroupBody, req.json);
  const groupId = b.group_id?.replace(/^g:/, "");
  const group = await node.createGroup(b.owner_id, b.name, b.member_ids, groupId);
  return { status: 201, body: groupJson(group) };
}

async function getGroup(node: GatewayNode, req: RouteRequest): Promise<ApiResponse> {
  const id = groupConversation(req.params[0]!);
  const group = await node.group(id);
  return { status: 200, body: groupJson(group) };
}

function changeMembers(op: "add" | "remove") {
  return async (node: GatewayNode, req: RouteRequest): Promise<ApiResponse> => {
    const b = parse(membersBody, req.json);
    // The system changes members: no owner check (actor null).
    const group = await node.changeMembers(null, groupConversation(req.params[0]!), op, b.user_ids);
    return { status: 200, body: groupJson(group) };
  };
}

async function publish(node: GatewayNode, req: RouteRequest): Promise<ApiResponse> {
  const b = parse(publishBody, req.json);
  const body = b.body !== undefined ? Buffer.from(b.body, "utf8") : Buffer.from(b.body_base64!, "base64");
  const max = node.opts.maxFrameBytes - FRAME_OVERHEAD;
  if (body.length > max) {
    throw new SwitchboardError(ErrorCode.FRAME_TOO_LARGE, `body of ${body.length} bytes is over the ${max}-byte limit`);
  }
  const { message, duplicate } = await node.publish({
    senderId: b.sender_id ?? SYSTEM_SENDER,
    senderDevice: API_DEVICE,
    system: b.sender_id === undefined,
    conversationId: req.params[0]!,
    body,
    contentType: b.content_type,
    clientMsgId: b.idempotency_key,
    excludeSession: "",
  });
  return {
    status: 201,
    body: {
      message_id: message.messageId,
      seq: message.seq,
      conversation_id: message.conversationId,
      sent_at_ms: message.sentAtMs,
      duplicate,
    },
  };
}

async function presence(node: GatewayNode, req: RouteRequest): Promise<ApiResponse> {
  const raw = req.query.get("user_ids") ?? "";
  const ids = [
    ...new Set(
      raw
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
  ];
  if (ids.length === 0) throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, "user_ids: list users as ?user_ids=a,b");
  if (ids.length > MAX_PRESENCE_USERS) {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `user_ids: at most ${MAX_PRESENCE_USERS} users per query`);
  }
  const users = await node.presence(ids);
  return { status: 200, body: users.map((u) => ({ user_id: u.userId, online: u.online, sessions: u.sessions })) };
}

async function disconnect(node: GatewayNode, req: RouteRequest): Promise<ApiResponse> {
  const id = assertUserId(req.params[0]!, "user id in the path");
  await node.disconnectUsers([id]);
  return { status: 202, body: { user_id: id } };
}

// Path segments are matched before URL-decoding ([^/]+), then decoded by the handler.
export const ROUTES: readonly Route[] = [
  { name: "create_group", method: "POST", pattern: /^\/v1\/groups$/, handle: createGroup },
  { name: "get_group", method: "GET", pattern: /^\/v1\/groups\/([^/]+)$/, handle: getGroup },
  { name: "add_members", method: "POST", pattern: /^\/v1\/groups\/([^/]+)\/members$/, handle: changeMembers("add") },
  { name: "remove_members", method: "DELETE", pattern: /^\/v1\/groups\/([^/]+)\/members$/, handle: changeMembers("remove") },
  { name: "publish", method: "POST", pattern: /^\/v1\/conversations\/([^/]+)\/messages$/, handle: publish },
  { name: "presence", method: "GET", pattern: /^\/v1\/presence$/, handle: presence },
  { name: "disconnect", method: "POST", pattern: /^\/v1\/users\/([^/]+)\/disconnect$/, handle: disconnect },
];

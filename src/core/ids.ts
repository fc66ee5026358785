// Identifier rules shared by the gateway, the server API and the client.
import { randomBytes } from "node:crypto";
import { ErrorCode, SwitchboardError } from "../protocol/codes.js";
import { isWellFormed } from "../protocol/text.js";

const USER_ID = /^[A-Za-z0-9_.@-]{1,64}$/;
const GROUP_ID = /^[A-Za-z0-9_.@-]{1,64}$/;
export const CLIENT_MSG_ID_MAX = 128;

export function isValidUserId(id: string): boolean {
  return USER_ID.test(id);
}

/** Device ids follow the user id rule. */
export function isValidDeviceId(id: string): boolean {
  return USER_ID.test(id);
}

export function assertUserId(id: string, field = "user_id"): string {
  if (!USER_ID.test(id)) {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `${field} must match [A-Za-z0-9_.@-]{1,64}`);
  }
  return id;
}

export type ConversationRef = { kind: "dm"; id: string; users: readonly [string, string] } | { kind: "group"; id: string; groupId: string };

/**
 * Recently parsed ids. Every send and ack parses its conversation id, and a busy node sees the
 * same ids over and over: a lookup costs less than the split and the regexes. Cleared when
 * full, so it stays bounded whatever ids clients send (only valid ones are kept).
 */
const parsed = new Map<string, Readonly<ConversationRef>>();
const PARSED_MAX = 50_000;

/** Parses "dm:a:b" (either order; answered in sorted form) or "g:<id>". The result is shared: read-only. */
export function parseConversationId(raw: string): Readonly<ConversationRef> {
  const hit = parsed.get(raw);
  if (hit !== undefined) return hit;
  const ref = Object.freeze(parseUncached(raw));
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(raw, ref);
  return ref;
}

function parseUncached(raw: string): ConversationRef {
  if (raw.startsWith("dm:")) {
    const parts = raw.split(":");
    const a = parts[1];
    const b = parts[2];
    if (parts.length === 3 && a !== undefined && b !== undefined && USER_ID.test(a) && USER_ID.test(b)) {
      const users = Object.freeze(a <= b ? ([a, b] as const) : ([b, a] as const));
      return { kind: "dm", id: `dm:${users[0]}:${users[1]}`, users };
    }
  } else if (raw.startsWith("g:")) {
    const groupId = raw.slice(2);
    if (GROUP_ID.test(groupId)) return { kind: "group", id: raw, groupId };
  }
  throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `conversation_id "${raw.slice(0, 80)}" must be dm:<userA>:<userB> or g:<id>`);
}

export function assertClientMsgId(id: string): string {
  if (id.length === 0 || id.length > CLIENT_MSG_ID_MAX) {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `client_msg_id must be 1-${CLIENT_MSG_ID_MAX} characters`);
  }
  return assertWellFormed(id, "client_msg_id");
}

/** Text that is stored or used in keys must be well-formed Unicode (see isWellFormed). */
export function assertWellFormed(value: string, field: string): string {
  if (!isWellFormed(value)) {
    throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `${field} must be well-formed Unicode text (it holds an unpaired surrogate)`);
  }
  return value;
}

/** Short random ids (base64url): message, session and group ids. */
export function newId(bytes = 12): string {
  return randomBytes(bytes).toString("base64url");
}

/** Unique ids without a syscall per id: a random per-process prefix plus a counter. */
export class IdGenerator {
  private readonly prefix = randomBytes(6).toString("base64url");
  private counter = 0;

  next(): string {
    return this.format(this.nextNumber());
  }

  /** The next id as its counter, for a caller that keeps ids as numbers; format() makes it text. */
  nextNumber(): number {
    this.counter += 1;
    return this.counter;
  }

  format(n: number): string {
    return this.prefix + n.toString(36);
  }
}

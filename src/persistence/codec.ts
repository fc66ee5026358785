// The BullMQ job payload of one batch, and its deterministic job id. BullMQ stores job data as
// JSON, so messages travel as compact tuples with the body in base64.
import { createHash } from "node:crypto";
import type { StoredMessage } from "../engine/types.js";

/** One message as a JSON tuple: [messageId, conversationId, seq, senderId, senderDevice,
 * clientMsgId, body (base64), contentType, sentAtMs]. Tuples keep a 500-message job ~40% smaller. */
export type MessageTuple = [string, string, number, string, string, string, string, string, number];

export interface BatchJobData {
  v: 1;
  m: MessageTuple[];
}

/** What a persist job returns: rows written and the messages moved to the dead-letter queue. */
export interface BatchJobResult {
  inserted: number;
  /** messageKey() of each dead-lettered message. */
  dead: string[];
}

export function encodeMessage(m: StoredMessage): MessageTuple {
  const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength).toString("base64");
  return [m.messageId, m.conversationId, m.seq, m.senderId, m.senderDevice, m.clientMsgId, body, m.contentType, m.sentAtMs];
}

export function decodeMessage(t: MessageTuple): StoredMessage {
  const body = Buffer.from(t[6], "base64");
  return {
    messageId: t[0],
    conversationId: t[1],
    seq: t[2],
    senderId: t[3],
    senderDevice: t[4],
    clientMsgId: t[5],
    body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    contentType: t[7],
    sentAtMs: t[8],
  };
}

export function encodeBatch(messages: readonly StoredMessage[]): BatchJobData {
  return { v: 1, m: messages.map(encodeMessage) };
}

export function decodeBatch(data: unknown): StoredMessage[] {
  const d = data as Partial<BatchJobData> | null;
  if (d === null || typeof d !== "object" || d.v !== 1 || !Array.isArray(d.m)) {
    throw new TypeError("persist job data is not a v1 batch");
  }
  return d.m.map(decodeMessage);
}

/** Identity of a stored message in the durable store. */
export function messageKey(m: Pick<StoredMessage, "conversationId" | "seq">): string {
  return `${m.conversationId}#${m.seq}`;
}

/** Deterministic from the batch content: re-enqueueing the same batch finds the same job (BullMQ
 * ignores an add whose id exists). Hex only, since BullMQ ids must not contain ':'. */
export function batchJobId(messages: readonly StoredMessage[]): string {
  const h = createHash("sha256");
  for (const m of messages) h.update(`${m.conversationId}\u0000${m.seq}\u0000${m.messageId}\n`);
  return `b-${h.digest("hex").slice(0, 40)}`;
}

/** Same idea for a dead letter: one entry per message however often it is re-dead-lettered. */
export function deadLetterJobId(m: StoredMessage): string {
  return `d-${createHash("sha256").update(`${m.conversationId}\u0000${m.seq}\u0000${m.messageId}`).digest("hex").slice(0, 40)}`;
}

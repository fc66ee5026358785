// The stored form of a message: a StoredMessageRecord (protobuf) per hot-history entry (the Redis
// engine's sorted sets, the memory engine's slabs), and the Redis engine's short text form for
// dedupe entries, which outlive history and so hold no body.
import { encodeMessage, pb } from "../protocol/proto.js";
import type { AppendInput, StoredMessage } from "./types.js";

/**
 * Encodes a record. The Redis engine leaves `seq` out (0): its append script adds the field once
 * it has assigned the seq.
 */
export function encodeRecord(
  input: Pick<AppendInput, "senderId" | "senderDevice" | "clientMsgId" | "body" | "contentType">,
  messageId: string,
  sentAtMs: number,
  seq = 0,
): Uint8Array {
  return encodeMessage(pb.StoredMessageRecord, {
    sentAtMs,
    seq,
    messageId,
    senderId: input.senderId,
    senderDevice: input.senderDevice,
    clientMsgId: input.clientMsgId,
    body: input.body,
    contentType: input.contentType,
  });
}

export function decodeRecord(conversationId: string, bytes: Uint8Array): StoredMessage {
  const r = pb.StoredMessageRecord.decode(bytes);
  return {
    messageId: r.messageId,
    conversationId,
    seq: r.seq as number,
    senderId: r.senderId,
    senderDevice: r.senderDevice,
    clientMsgId: r.clientMsgId,
    body: r.body,
    contentType: r.contentType,
    sentAtMs: r.sentAtMs as number,
  };
}

/** What the append script stores after "<seq>:" in a dedupe entry. */
export function dedupeSuffix(sentAtMs: number, messageId: string, conversationId: string): string {
  return `${sentAtMs}:${messageId}:${conversationId}`;
}

/**
 * The original of a retried send, from its dedupe entry "<seq>:<sentAtMs>:<messageId>:<conv>".
 * Used when history no longer holds it.
 */
export function fromDedupe(value: string, input: AppendInput): StoredMessage {
  const [seq = "0", sentAt = "0", messageId = "", ...conv] = value.split(":");
  return retryOf(input, { messageId, conversationId: conv.join(":"), seq: Number(seq), sentAtMs: Number(sentAt) });
}

/**
 * A retried send whose message history no longer holds, as both engines answer it: the original's
 * ids, with the body and type of the retry (a retry resends them).
 */
export function retryOf(input: AppendInput, ids: Pick<StoredMessage, "messageId" | "conversationId" | "seq" | "sentAtMs">): StoredMessage {
  return {
    messageId: ids.messageId,
    conversationId: ids.conversationId,
    seq: ids.seq,
    senderId: input.senderId,
    senderDevice: input.senderDevice,
    clientMsgId: input.clientMsgId,
    body: input.body,
    contentType: input.contentType,
    sentAtMs: ids.sentAtMs,
  };
}

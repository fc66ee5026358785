// The stored form of a message: a StoredMessageRecord (protobuf) per hot-history entry, and a
// short text form for dedupe entries, which outlive history and so hold no body.
import { encodeMessage, pb } from "../../protocol/proto.js";
import type { AppendInput, StoredMessage } from "../types.js";

/** Encodes every field but `seq`, which the append script adds once it is assigned. */
export function encodeRecord(input: AppendInput, messageId: string, sentAtMs: number): Uint8Array {
  return encodeMessage(pb.StoredMessageRecord, {
    sentAtMs,
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
 * Used when history no longer holds it: the body and type are the retry's (a retry resends them).
 */
export function fromDedupe(value: string, input: AppendInput): StoredMessage {
  const [seq = "0", sentAt = "0", messageId = "", ...conv] = value.split(":");
  return {
    messageId,
    conversationId: conv.join(":"),
    seq: Number(seq),
    senderId: input.senderId,
    senderDevice: input.senderDevice,
    clientMsgId: input.clientMsgId,
    body: input.body,
    contentType: input.contentType,
    sentAtMs: Number(sentAt),
  };
}

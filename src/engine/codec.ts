// The stored form of a message: a StoredMessageRecord (protobuf) per hot-history entry (the Redis
// engine's sorted sets, the memory engine's arrays), and the Redis engine's short text form for
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

/**
 * A record's sent_at_ms without decoding it: field 1, fixed64, first when present (proto3 leaves a
 * zero out), so bytes 1-8 little-endian after the tag byte 0x09.
 */
export function recordSentAtMs(bytes: Uint8Array): number {
  if (bytes.length < 9 || bytes[0] !== 0x09) return 0;
  const lo = (bytes[1]! | (bytes[2]! << 8) | (bytes[3]! << 16) | (bytes[4]! << 24)) >>> 0;
  const hi = (bytes[5]! | (bytes[6]! << 8) | (bytes[7]! << 16) | (bytes[8]! << 24)) >>> 0;
  return hi * 2 ** 32 + lo;
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

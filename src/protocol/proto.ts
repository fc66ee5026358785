// The generated protobufjs static code, re-exported under short names. Nothing else imports gen/.
import protobuf from "protobufjs/minimal.js";
// Before the generated code: see long.ts and oneof.ts.
import "./long.js";
import "./oneof.js";
import { switchboard as gen } from "./gen/switchboard.js";

export const pb = gen.v1;
export type { switchboard } from "./gen/switchboard.js";
import type { switchboard } from "./gen/switchboard.js";

export type ClientFrame = switchboard.v1.ClientFrame;
export type ServerFrame = switchboard.v1.ServerFrame;
export type IServerFrame = switchboard.v1.IServerFrame;
export type IClientFrame = switchboard.v1.IClientFrame;
export type IMessage = switchboard.v1.IMessage;
export type IEnvelope = switchboard.v1.IEnvelope;
export type Envelope = switchboard.v1.Envelope;

export const ErrorCode = gen.v1.ErrorCode;
export type ErrorCode = switchboard.v1.ErrorCode;
export const CloseCode = gen.v1.CloseCode;
export type CloseCode = switchboard.v1.CloseCode;
export const EnvelopeKind = gen.v1.EnvelopeKind;
export type EnvelopeKind = switchboard.v1.EnvelopeKind;

/**
 * Every encode on this thread writes into one protobufjs Writer and copies its bytes out. A fresh
 * Writer per encode starts at 128 bytes and doubles, so a message frame cost a Writer, three
 * buffers and two copies: about a tenth of a gateway's allocation per message. encode() is
 * synchronous and finish() copies, so one Writer is safe to share. One that grew past
 * MAX_KEPT_WRITER_BYTES (a big frame) or that a throw left mid-message is replaced.
 */
const MAX_KEPT_WRITER_BYTES = 64 * 1024;
let sharedWriter: protobuf.Writer = protobuf.Writer.create();

interface Encodable<T> {
  encode(message: T, writer?: protobuf.Writer): protobuf.Writer;
}

/** `type.encode(message).finish()` through the shared Writer. */
export function encodeMessage<T>(type: Encodable<T>, message: T): Uint8Array {
  const w = sharedWriter;
  let done = false;
  try {
    const bytes = type.encode(message, w).finish();
    done = true;
    return bytes;
  } finally {
    if (done && w.buf.length <= MAX_KEPT_WRITER_BYTES && (w.states === null || w.states.length === 0)) w.pos = 0;
    else sharedWriter = protobuf.Writer.create();
  }
}

/** Encodes a server frame once; the bytes are then shared by every recipient. */
export function encodeServerFrame(frame: IServerFrame): Uint8Array {
  return encodeMessage(gen.v1.ServerFrame, frame);
}

export function decodeClientFrame(bytes: Uint8Array): ClientFrame {
  return gen.v1.ClientFrame.decode(bytes);
}

/**
 * Decodes a frame whose bytes are only valid during this call (uWS's message buffer).
 * protobufjs decodes `bytes` fields as views into its input, so each one is copied out; strings
 * and numbers are already copies. Copying just these beats copying the whole frame first: an
 * ArrayBuffer slice measured about 3.6 µs per frame in the gateway, most of it V8's slow path.
 * SendMessage.body is ClientFrame's only bytes field (test/unit/proto.test.ts checks that).
 */
export function decodeTransientClientFrame(bytes: Uint8Array): ClientFrame {
  // Kept unknown fields would be views too (protobufjs's default discards them).
  if (!protobuf.Reader.discardUnknown) throw new Error("decodeTransientClientFrame needs protobuf.Reader.discardUnknown");
  const frame = gen.v1.ClientFrame.decode(bytes);
  const send = frame.send as switchboard.v1.SendMessage | null | undefined;
  // Uint8Array's slice copies even when protobufjs returns a Buffer view (Buffer#slice does not).
  if (send != null && send.body.length > 0) send.body = Uint8Array.prototype.slice.call(send.body);
  return frame;
}

/**
 * A ClientFrame's body. The generated oneof getter walks Object.keys(frame), an array per frame:
 * sends and acks, nearly all of the traffic, are looked at first.
 */
export function clientFrameBody(frame: ClientFrame): ClientFrame["body"] {
  if (frame.send != null) return "send";
  if (frame.ack != null) return "ack";
  return frame.body;
}

export function encodeClientFrame(frame: IClientFrame): Uint8Array {
  return encodeMessage(gen.v1.ClientFrame, frame);
}

export function decodeServerFrame(bytes: Uint8Array): ServerFrame {
  return gen.v1.ServerFrame.decode(bytes);
}

export function encodeEnvelope(env: IEnvelope): Uint8Array {
  return encodeMessage(gen.v1.Envelope, env);
}

export function decodeEnvelope(bytes: Uint8Array): Envelope {
  return gen.v1.Envelope.decode(bytes);
}

/** Several encoded Envelopes in one payload (one PUBLISH). */
export function encodeEnvelopeBatch(envelopes: Uint8Array[]): Uint8Array {
  return encodeMessage(gen.v1.EnvelopeBatch, { envelopes });
}

/** The encoded Envelopes of a batch, as views into `bytes`. */
export function decodeEnvelopeBatch(bytes: Uint8Array): Uint8Array[] {
  return gen.v1.EnvelopeBatch.decode(bytes).envelopes;
}

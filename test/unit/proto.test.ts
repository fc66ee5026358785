import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import {
  decodeEnvelope,
  decodeServerFrame,
  decodeTransientClientFrame,
  encodeClientFrame,
  encodeEnvelope,
  encodeServerFrame,
} from "../../src/protocol/proto.js";

/** Every `bytes` field reachable from a message type, by full name. */
function bytesFields(type: protobuf.Type, seen = new Set<string>()): string[] {
  if (seen.has(type.fullName)) return [];
  seen.add(type.fullName);
  const out: string[] = [];
  for (const field of type.fieldsArray) {
    field.resolve();
    if (field.type === "bytes") out.push(`${type.fullName}.${field.name}`);
    else if (field.resolvedType instanceof protobuf.Type) out.push(...bytesFields(field.resolvedType, seen));
  }
  return out;
}

describe("decodeTransientClientFrame", () => {
  it("copies the only bytes field a ClientFrame has, so the input buffer can be reused", () => {
    const root = protobuf.loadSync(fileURLToPath(new URL("../../proto/switchboard.proto", import.meta.url)));
    // A new bytes field anywhere under ClientFrame must be copied in decodeTransientClientFrame too.
    expect(bytesFields(root.lookupType("switchboard.v1.ClientFrame"))).toEqual([".switchboard.v1.SendMessage.body"]);
  });

  it("copies the body out of a Buffer input too (Buffer#slice would be a view)", () => {
    const bytes = encodeClientFrame({
      reqId: 7,
      send: { conversationId: "d:a:b", clientMsgId: "m1", body: new Uint8Array([4, 5]), contentType: "t" },
    });
    const input = Buffer.from(bytes);
    const frame = decodeTransientClientFrame(input);
    input.fill(0);
    expect(Array.from(frame.send!.body!)).toEqual([4, 5]);
  });

  it("refuses to decode while protobufjs keeps unknown fields (they would be views too)", () => {
    const bytes = encodeClientFrame({ reqId: 7 });
    protobuf.Reader.discardUnknown = false;
    try {
      expect(() => decodeTransientClientFrame(bytes)).toThrow("discardUnknown");
    } finally {
      protobuf.Reader.discardUnknown = true;
    }
  });

  it("decodes an unset uint64 as the number 0, not a Long (see src/protocol/long.ts)", () => {
    const frame = decodeTransientClientFrame(encodeClientFrame({ sync: { cursors: [{ conversationId: "dm:a:b", afterSeq: 0 }] } }));
    const afterSeq = frame.sync!.cursors![0]!.afterSeq;
    expect(afterSeq).toBe(0);
    expect(decodeServerFrame(encodeServerFrame({ syncDone: { conversationId: "" } })).syncDone!.upToSeq).toBe(0);
    expect(decodeEnvelope(encodeEnvelope({ userIds: ["u"] })).seq).toBe(0);
    expect(decodeEnvelope(encodeEnvelope({ seq: 5 })).seq).toBe(5);
  });

  it("returns a body that does not change when the input buffer is overwritten", () => {
    const bytes = encodeClientFrame({
      reqId: 7,
      send: { conversationId: "d:a:b", clientMsgId: "m1", body: new Uint8Array([1, 2, 3]), contentType: "t" },
    });
    const input = new Uint8Array(bytes);
    const frame = decodeTransientClientFrame(input);
    input.fill(0);
    expect(Array.from(frame.send!.body!)).toEqual([1, 2, 3]);
    expect(frame.send!.conversationId).toBe("d:a:b");
  });
});

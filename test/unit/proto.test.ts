import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import {
  clientFrameBody,
  decodeClientFrame,
  decodeEnvelope,
  decodeServerFrame,
  decodeTransientClientFrame,
  encodeClientFrame,
  encodeEnvelope,
  encodeMessage,
  encodeServerFrame,
  pb,
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

describe("encodeMessage (one shared Writer)", () => {
  const frame = (n: number) => ({ reqId: n, pong: { clientTimeMs: n, serverTimeMs: 2 * n } });

  it("returns bytes that later encodes do not overwrite", () => {
    const first = encodeServerFrame(frame(1));
    const copy = Uint8Array.from(first);
    for (let i = 2; i < 50; i++) encodeServerFrame(frame(i));
    expect(Uint8Array.from(first)).toEqual(copy);
    expect(decodeServerFrame(first).reqId).toBe(1);
  });

  it("matches a fresh Writer's bytes, nested messages included", () => {
    const msg = { message: { messageId: "m", conversationId: "dm:a:b", seq: 300, body: new Uint8Array(200).fill(7), sentAtMs: 1e12 } };
    expect(Array.from(encodeServerFrame(msg))).toEqual(Array.from(pb.ServerFrame.encode(msg).finish()));
    expect(Array.from(encodeServerFrame(msg))).toEqual(Array.from(pb.ServerFrame.encode(msg).finish()));
  });

  it("starts clean after an encode that threw halfway through a nested message", () => {
    const bad = {
      message: {
        messageId: "m",
        get seq(): number {
          throw new Error("boom");
        },
      },
    };
    expect(() => encodeServerFrame(bad as never)).toThrow("boom");
    expect(decodeServerFrame(encodeServerFrame(frame(9)))).toMatchObject({ reqId: 9, pong: { clientTimeMs: 9 } });
  });

  it("encodes a frame bigger than the Writer it keeps, and smaller ones after it", () => {
    const big = { message: { messageId: "big", body: new Uint8Array(200_000).fill(1) } };
    expect(decodeServerFrame(encodeServerFrame(big)).message!.body!.length).toBe(200_000);
    expect(encodeMessage(pb.ServerFrame, frame(3))).toEqual(pb.ServerFrame.encode(frame(3)).finish());
  });
});

describe("clientFrameBody", () => {
  it("names the body the generated oneof getter names, for every body", () => {
    const root = protobuf.loadSync(fileURLToPath(new URL("../../proto/switchboard.proto", import.meta.url)));
    const bodies = root.lookupType("switchboard.v1.ClientFrame").oneofs!["body"]!.oneof;
    expect(bodies.length).toBeGreaterThan(5);
    for (const name of bodies) {
      const decoded = decodeClientFrame(encodeClientFrame({ reqId: 1, [name]: {} }));
      expect(clientFrameBody(decoded)).toBe(name);
      expect(clientFrameBody(decoded)).toBe(decoded.body);
    }
    expect(clientFrameBody(decodeClientFrame(encodeClientFrame({ reqId: 1 })))).toBeUndefined();
  });
});

describe("oneof setter (src/protocol/oneof.ts)", () => {
  it("keeps only the last body of a frame that carries two, as protobufjs's own setter does", () => {
    const first = encodeServerFrame({ sendAck: { clientMsgId: "c1", seq: 1 } });
    const second = encodeServerFrame({ message: { messageId: "m1", seq: 2 } });
    const merged = new Uint8Array(first.length + second.length);
    merged.set(first, 0);
    merged.set(second, first.length);
    const frame = decodeServerFrame(merged);
    expect(frame.body).toBe("message");
    expect(Object.prototype.hasOwnProperty.call(frame, "sendAck")).toBe(false);
    expect(frame.message!.messageId).toBe("m1");
  });
});

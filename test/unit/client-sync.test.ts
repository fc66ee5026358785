// The client's sync requests over a fake socket: how cursors are split into requests and how
// pages are followed.
import { describe, expect, it } from "vitest";
import { encodeClientFrame } from "../../src/protocol/proto.js";
import { fakeClient, flush } from "../helpers/fake-client.js";

describe("client sync requests", () => {
  it("splits cursors with long ids into frames of at most half the welcome's max_frame_bytes, all_conversations on the last", async () => {
    const { c, ws } = await fakeClient({}, { maxFrameBytes: 4096 });
    const ids = Array.from({ length: 300 }, (_, i) => `g:${String(i).padStart(4, "0")}-${"x".repeat(60)}`);
    const done = c.sync(
      ids.map((conversationId) => ({ conversationId, afterSeq: 2 ** 40 })),
      { allConversations: true },
    );
    // One request at a time: answer each until the sync is over.
    for (let answered = 0; answered < ws.syncs().length; answered += 1) {
      const s = ws.syncs()[answered]!;
      for (const x of s.sync!.cursors!) ws.push({ reqId: s.reqId, syncDone: { conversationId: x.conversationId, upToSeq: 2 ** 40 } });
      ws.push({ reqId: s.reqId, syncDone: { conversationId: "" } });
      await flush();
    }
    await done;
    const frames = ws.syncs();
    expect(frames.length).toBeGreaterThan(1);
    for (const f of frames) expect(encodeClientFrame(f).byteLength).toBeLessThanOrEqual(2048);
    expect(frames.flatMap((f) => f.sync!.cursors!.map((x) => x.conversationId))).toEqual(ids);
    expect(frames.map((f) => f.sync!.allConversations)).toEqual([...Array<boolean>(frames.length - 1).fill(false), true]);
  });
});

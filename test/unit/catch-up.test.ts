// Catch-up after backpressure sends what the paused session missed, and no further: a later
// message in the store is one whose push (relayed by another node) is still on its way.
import { describe, expect, it } from "vitest";
import { GatewayNode } from "../../src/core/node.js";
import type { Socket } from "../../src/core/session.js";
import { MemoryEngine } from "../../src/engine/memory/memory-engine.js";
import { createLogger } from "../../src/observability/logger.js";
import { Metrics } from "../../src/observability/metrics.js";
import { decodeServerFrame } from "../../src/protocol/proto.js";
import { waitFor } from "../helpers/wait.js";

const CONV = "dm:alice:bob";

describe("catch-up after backpressure", () => {
  it("sends the missed seqs once, in order, and not the ones whose push is still to come", async () => {
    const engine = new MemoryEngine({ nodeId: "n", historyPerConversation: 100, dedupeTtlMs: 3_600_000 });
    const node = new GatewayNode(
      {
        nodeId: "n",
        pingIntervalMs: 30_000,
        idleTimeoutMs: 90_000,
        maxFrameBytes: 65_536,
        sendRatePerSec: 1000,
        sendBurst: 1000,
        typingRatePerSec: 5,
        typingBurst: 10,
        requestRatePerSec: 20,
        requestBurst: 100,
        maxViolations: 10,
        softBufferBytes: 1000,
        hardBufferBytes: 1_000_000,
        maxPauseMs: 60_000,
        maxGroupSize: 100,
        maxSyncPage: 500,
        defaultSyncPage: 100,
        overloadLagMs: 0,
      },
      engine,
      new Metrics({ defaults: false }),
      createLogger("silent", "test"),
    );
    await node.start();
    let buffered = 0;
    const seqs: number[] = [];
    const socket: Socket = {
      send: (m) => {
        const f = decodeServerFrame(m);
        if (f.body === "message") seqs.push(Number(f.message!.seq));
        return 1;
      },
      getBufferedAmount: () => buffered,
      end: () => undefined,
      ping: () => 1,
      cork: (cb) => cb(),
    };
    const bob = node.newSession("bob", "phone", "127.0.0.1", 0, "");
    bob.socket = socket;
    node.onOpen(bob);
    const publish = (i: number) =>
      node.publish({
        senderId: "alice",
        senderDevice: "phone",
        system: false,
        conversationId: CONV,
        body: new Uint8Array(10),
        contentType: "",
        clientMsgId: `m${i}`,
        excludeSession: "",
      });
    try {
      buffered = 2000; // bob stopped reading: the first push pauses him, the next two are noted
      for (let i = 1; i <= 3; i++) await publish(i);
      expect(bob.paused).toBe(true);
      // Stored, but (as with a push relayed from another node) not yet pushed here.
      for (let i = 4; i <= 5; i++)
        await engine.store.append({
          conversationId: CONV,
          senderId: "alice",
          senderDevice: "phone",
          clientMsgId: `r${i}`,
          body: new Uint8Array(10),
          contentType: "",
          memberIds: ["alice", "bob"],
        });
      buffered = 0;
      node.onDrain(bob);
      await waitFor(() => !bob.paused, { what: "catch-up done" });
      expect(seqs).toEqual([1, 2, 3]);
    } finally {
      node.stop();
      await engine.close();
    }
  });
});

// The Engine contract: one suite every implementation runs (memory.test.ts, redis.test.ts).
// Tests that need two nodes sharing one backend run only where `multiNode` is true.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ErrorCode, SwitchboardError } from "../../src/protocol/codes.js";
import type { AppendInput, Engine } from "../../src/engine/types.js";
import { latch, rejection, uniqueId } from "./helpers.js";

export interface EngineOptionsForTest {
  /** Hot-history bound by count (engines may hold up to 25% more before trimming). */
  historyMaxPerConversation?: number;
}

export interface EngineFactory {
  /** Engines from one factory share a backend: presence, broker and groups span them. */
  multiNode: boolean;
  /** A started engine for `nodeId`. */
  create(nodeId: string, opts?: EngineOptionsForTest): Promise<Engine>;
  /** Runs once after the suite (e.g. deletes the test's keys). */
  teardown?(): Promise<void>;
}

const DEADLINE_MS = 5000;

export function engineContract(name: string, factory: EngineFactory): void {
  describe(`engine contract: ${name}`, () => {
    const open: Engine[] = [];

    async function engine(nodeId = uniqueId("node"), opts?: EngineOptionsForTest): Promise<Engine> {
      const e = await factory.create(nodeId, opts);
      open.push(e);
      return e;
    }

    afterEach(async () => {
      await Promise.all(open.splice(0).map((e) => e.close()));
    });

    afterAll(async () => {
      await factory.teardown?.();
    });

    describe("store", () => {
      it("assigns contiguous seqs from 1 per conversation and keeps every field", async () => {
        const e = await engine();
        const a = dm();
        const b = dm();
        const seqsA = [];
        for (let i = 0; i < 3; i++) seqsA.push((await e.store.append(input(a, "alice", `m${i}`))).message.seq);
        const first = await e.store.append({ ...input(b, "bob", "x"), body: new Uint8Array([0, 1, 255]), contentType: "app/bin" });
        expect(seqsA).toEqual([1, 2, 3]);
        expect(first.duplicate).toBe(false);
        expect(first.message).toMatchObject({
          conversationId: b,
          seq: 1,
          senderId: "bob",
          senderDevice: "phone",
          clientMsgId: `x@${b}`,
          contentType: "app/bin",
        });
        expect([...first.message.body]).toEqual([0, 1, 255]);
        expect(first.message.messageId).not.toBe("");
        expect(first.message.sentAtMs).toBeGreaterThan(0);
        const read = await e.store.read(b, 0, 10);
        expect(read.messages).toHaveLength(1);
        expect(read.messages[0]).toMatchObject({ ...first.message, body: expect.anything() });
        expect([...read.messages[0]!.body]).toEqual([0, 1, 255]);
      });

      it("returns the original for a repeated (sender, client_msg_id) and stores nothing new", async () => {
        const e = await engine();
        const conv = dm();
        const original = await e.store.append(input(conv, "alice", "c1"));
        const again = await e.store.append(input(conv, "alice", "c1"));
        expect(again.duplicate).toBe(true);
        expect(again.message.messageId).toBe(original.message.messageId);
        expect(again.message.seq).toBe(original.message.seq);
        expect(again.message.sentAtMs).toBe(original.message.sentAtMs);
        const otherSender = await e.store.append(input(conv, "bob", "c1"));
        expect(otherSender.duplicate).toBe(false);
        expect(otherSender.message.seq).toBe(2);
        expect((await e.store.read(conv, 0, 10)).lastSeq).toBe(2);
      });

      it("stores and dedupes client_msg_ids and types beyond ASCII, byte for byte", async () => {
        const e = await engine();
        const conv = dm();
        const id = `😀${"é".repeat(40)}日本語,a:b`;
        const first = await e.store.append({ ...input(conv, "alice", id), contentType: "text/plain; charset=ünï" });
        const retry = await e.store.append({ ...input(conv, "alice", id), contentType: "text/plain; charset=ünï" });
        expect(retry).toMatchObject({
          duplicate: true,
          message: { seq: 1, messageId: first.message.messageId, clientMsgId: `${id}@${conv}` },
        });
        const [read] = (await e.store.read(conv, 0, 10)).messages;
        expect(read).toMatchObject({ clientMsgId: `${id}@${conv}`, contentType: "text/plain; charset=ünï" });
      });

      it("dedupes concurrent retries of one send to exactly one stored message", async () => {
        const e = await engine();
        const conv = dm();
        const results = await Promise.all(Array.from({ length: 20 }, () => e.store.append(input(conv, "alice", "same"))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.message.messageId)).size).toBe(1);
        expect(new Set(results.map((r) => r.message.seq))).toEqual(new Set([1]));
        expect((await e.store.read(conv, 0, 100)).messages).toHaveLength(1);
      });

      it("gives 200 concurrent appends to one conversation the seqs 1..200", async () => {
        const e = await engine();
        const conv = dm();
        const results = await Promise.all(Array.from({ length: 200 }, (_, i) => e.store.append(input(conv, "alice", `c${i}`))));
        expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(range(1, 200));
        const read = await e.store.read(conv, 0, 500);
        expect(read.messages.map((m) => m.seq)).toEqual(range(1, 200));
        expect(read.lastSeq).toBe(200);
      });

      it("reads pages in seq order with lastSeq and oldestSeq", async () => {
        const e = await engine();
        const conv = dm();
        for (let i = 1; i <= 25; i++) await e.store.append(input(conv, i % 2 ? "alice" : "bob", `p${i}`));
        const pages = [await e.store.read(conv, 0, 10), await e.store.read(conv, 10, 10), await e.store.read(conv, 20, 10)];
        expect(pages.map((p) => p.messages.map((m) => m.seq))).toEqual([range(1, 10), range(11, 20), range(21, 25)]);
        for (const p of pages) expect(p).toMatchObject({ lastSeq: 25, oldestSeq: 1 });
        expect(pages[1]!.messages[0]!.clientMsgId).toBe(`p11@${conv}`);
        expect(await e.store.read(conv, 25, 10)).toEqual({ messages: [], lastSeq: 25, oldestSeq: 1 });
        expect(await e.store.read(dm(), 0, 10)).toEqual({ messages: [], lastSeq: 0, oldestSeq: 1 });
      });

      it("bounds history and reports the oldest seq it still holds", async () => {
        const e = await engine(undefined, { historyMaxPerConversation: 10 });
        const conv = dm();
        for (let i = 1; i <= 40; i++) await e.store.append(input(conv, "alice", `h${i}`));
        const read = await e.store.read(conv, 0, 100);
        expect(read.lastSeq).toBe(40);
        expect(read.oldestSeq).toBeGreaterThan(1);
        expect(read.messages.length).toBeLessThanOrEqual(Math.floor(10 * 1.25));
        expect(read.messages.map((m) => m.seq)).toEqual(range(read.oldestSeq, 40));
      });

      it("indexes DM users on append and group members through the group store", async () => {
        const e = await engine();
        const [alice, bob, carol] = [uniqueId("alice"), uniqueId("bob"), uniqueId("carol")];
        const conv = `dm:${alice}:${bob}`;
        await e.store.append({ ...input(conv, alice, "i1"), memberIds: [alice, bob] });
        await e.store.append({ ...input(conv, bob, "i2"), memberIds: [alice, bob] });
        expect(await e.store.conversationsOf(alice)).toEqual([{ conversationId: conv, lastSeq: 2 }]);
        expect(await e.store.conversationsOf(bob)).toEqual([{ conversationId: conv, lastSeq: 2 }]);
        expect(await e.store.conversationsOf(carol)).toEqual([]);

        const g = group();
        await e.groups.create({ conversationId: g, name: "team", ownerId: alice, memberIds: [alice, carol] });
        expect(await e.store.conversationsOf(carol)).toEqual([{ conversationId: g, lastSeq: 0 }]);
        await e.store.append(input(g, carol, "g1"));
        expect(sortHeads(await e.store.conversationsOf(alice))).toEqual(
          sortHeads([
            { conversationId: conv, lastSeq: 2 },
            { conversationId: g, lastSeq: 1 },
          ]),
        );
        await e.groups.removeMembers(g, [carol]);
        expect(await e.store.conversationsOf(carol)).toEqual([]);
        await e.groups.addMembers(g, [bob]);
        expect(sortHeads(await e.store.conversationsOf(bob))).toEqual(
          sortHeads([
            { conversationId: conv, lastSeq: 2 },
            { conversationId: g, lastSeq: 1 },
          ]),
        );
      });

      /** Appends n messages to conversationId (cursors stop at a conversation's newest seq). */
      async function fill(e: Engine, conversationId: string, n: number): Promise<void> {
        for (let i = 0; i < n; i++) await e.store.append(input(conversationId, "filler", uniqueId("fill")));
      }

      it("moves ack cursors only forward, per device", async () => {
        const e = await engine();
        const user = uniqueId("u");
        const [c1, c2] = [dm(), dm()];
        await fill(e, c1, 9);
        await fill(e, c2, 4);
        await e.store.setCursor(user, "phone", c1, 5);
        await e.store.setCursor(user, "phone", c1, 3);
        await e.store.setCursor(user, "phone", c2, 1);
        await e.store.setCursor(user, "laptop", c1, 2);
        expect(await e.store.cursors(user, "phone")).toEqual(
          new Map([
            [c1, 5],
            [c2, 1],
          ]),
        );
        await e.store.setCursor(user, "phone", c1, 7);
        expect((await e.store.cursors(user, "phone")).get(c1)).toBe(7);
        expect(await e.store.cursors(user, "laptop")).toEqual(new Map([[c1, 2]]));
        expect(await e.store.cursors(user, "tablet")).toEqual(new Map());
      });

      it("keeps the highest of concurrent cursor writes, per device and conversation", async () => {
        const e = await engine();
        const user = uniqueId("u");
        const [c1, c2] = [dm(), dm()];
        await fill(e, c1, 9);
        await fill(e, c2, 4);
        await Promise.all([
          e.store.setCursor(user, "phone", c1, 5),
          e.store.setCursor(user, "phone", c1, 9),
          e.store.setCursor(user, "phone", c1, 7),
          e.store.setCursor(user, "phone", c2, 4),
          e.store.setCursor(user, "laptop", c1, 2),
        ]);
        expect(await e.store.cursors(user, "phone")).toEqual(
          new Map([
            [c1, 9],
            [c2, 4],
          ]),
        );
        expect(await e.store.cursors(user, "laptop")).toEqual(new Map([[c1, 2]]));
        await Promise.all([e.store.setCursor(user, "phone", c1, 8), e.store.setCursor(user, "laptop", c1, 3)]);
        expect((await e.store.cursors(user, "phone")).get(c1)).toBe(9);
        expect((await e.store.cursors(user, "laptop")).get(c1)).toBe(3);
      });

      it("caps a cursor at the conversation's newest seq, and writes none for a conversation without messages", async () => {
        const e = await engine();
        const user = uniqueId("u");
        const [c1, empty] = [dm(), dm()];
        await fill(e, c1, 3);
        const written = await Promise.all([e.store.setCursor(user, "phone", c1, 50), e.store.setCursor(user, "phone", empty, 1)]);
        expect(written).toEqual([3, 0]);
        expect(await e.store.cursors(user, "phone")).toEqual(new Map([[c1, 3]]));
        // The cap moves with the conversation: the next message can be acked.
        await fill(e, c1, 1);
        expect(await e.store.setCursor(user, "phone", c1, 4)).toBe(4);
        expect(await e.store.cursors(user, "phone")).toEqual(new Map([[c1, 4]]));
      });
    });

    describe("groups", () => {
      it("creates, gets and refuses a second create", async () => {
        const e = await engine();
        const g = group();
        await e.groups.create({ conversationId: g, name: "team", ownerId: "ann", memberIds: ["ann", "ben", "ann", "cat"] });
        expect(await e.groups.get(g)).toEqual({ conversationId: g, name: "team", ownerId: "ann", memberIds: ["ann", "ben", "cat"] });
        const err = await rejection(e.groups.create({ conversationId: g, name: "again", ownerId: "ben", memberIds: ["ben"] }));
        expect(err).toBeInstanceOf(SwitchboardError);
        expect((err as SwitchboardError).code).toBe(ErrorCode.CONFLICT);
        expect(await e.groups.get(group())).toBeNull();
      });

      it("adds in join order, keeps existing members in place, and transfers ownership on owner removal", async () => {
        const e = await engine();
        const g = group();
        await e.groups.create({ conversationId: g, name: "n", ownerId: "ann", memberIds: ["ann", "ben"] });
        const added = await e.groups.addMembers(g, ["cat", "ann", "dan"]);
        expect(added.memberIds).toEqual(["ann", "ben", "cat", "dan"]);
        const removed = await e.groups.removeMembers(g, ["ann", "cat"]);
        expect(removed).toEqual({ conversationId: g, name: "n", ownerId: "ben", memberIds: ["ben", "dan"] });
        expect(await e.groups.get(g)).toEqual(removed);
        const notOwner = await e.groups.removeMembers(g, ["dan"]);
        expect(notOwner).toMatchObject({ ownerId: "ben", memberIds: ["ben"] });
      });

      it("fails with NOT_FOUND for membership changes of a missing group", async () => {
        const e = await engine();
        for (const p of [e.groups.addMembers(group(), ["x"]), e.groups.removeMembers(group(), ["x"])]) {
          const err = await rejection(p);
          expect((err as SwitchboardError).code).toBe(ErrorCode.NOT_FOUND);
        }
      });
    });

    describe("presence and broker on one node", () => {
      it("registers, locates, counts and unregisters", async () => {
        const e = await engine();
        const [u, offline] = [uniqueId("u"), uniqueId("off")];
        await e.presence.register(u, 2);
        expect(await e.presence.locate([u, offline])).toEqual(new Map([[u, [e.nodeId]]]));
        expect(await e.presence.sessionCounts([u, offline])).toEqual(new Map([[u, 2]]));
        await e.presence.register(u, 1);
        expect(await e.presence.sessionCounts([u])).toEqual(new Map([[u, 1]]));
        await e.presence.unregister(u);
        expect(await e.presence.locate([u])).toEqual(new Map());
        expect(await e.presence.sessionCounts([u])).toEqual(new Map());
        expect(await e.presence.locate([])).toEqual(new Map());
      });

      it("delivers published bytes to the node's own handler", async () => {
        const e = await engine();
        const got = latch<Uint8Array>(DEADLINE_MS, "own envelope");
        await e.broker.subscribe((bytes) => got.resolve(bytes));
        await e.broker.publish(e.nodeId, new Uint8Array([9, 8, 7]));
        expect([...(await got.promise)]).toEqual([9, 8, 7]);
        expect(e.healthy()).toBe(true);
      });
    });

    describe.skipIf(!factory.multiNode)("two nodes sharing one backend", () => {
      it("locates a user's sessions on both nodes and counts them together", async () => {
        const [a, b] = [await engine(), await engine()];
        const u = uniqueId("u");
        await a.presence.register(u, 2);
        await b.presence.register(u, 1);
        expect((await b.presence.locate([u])).get(u)?.sort()).toEqual([a.nodeId, b.nodeId].sort());
        expect(await a.presence.sessionCounts([u])).toEqual(new Map([[u, 3]]));
        await a.presence.unregister(u);
        expect(await b.presence.locate([u])).toEqual(new Map([[u, [b.nodeId]]]));
        expect(await b.presence.sessionCounts([u])).toEqual(new Map([[u, 1]]));
      });

      it("carries envelopes between nodes, each to its own channel", async () => {
        const [a, b] = [await engine(), await engine()];
        const toA = latch<Uint8Array>(DEADLINE_MS, "envelope for A");
        const toB = latch<Uint8Array>(DEADLINE_MS, "envelope for B");
        const strayA: Uint8Array[] = [];
        await a.broker.subscribe((bytes) => (bytes[0] === 1 ? toA.resolve(bytes) : strayA.push(bytes)));
        await b.broker.subscribe((bytes) => toB.resolve(bytes));
        await a.broker.publish(b.nodeId, new Uint8Array([2, 0, 255]));
        await b.broker.publish(a.nodeId, new Uint8Array([1]));
        expect([...(await toB.promise)]).toEqual([2, 0, 255]);
        expect([...(await toA.promise)]).toEqual([1]);
        expect(strayA).toEqual([]);
      });

      it("shows a membership change made on one node to the other node once it is told of it", async () => {
        const [a, b] = [await engine(), await engine()];
        const g = group();
        await a.groups.create({ conversationId: g, name: "n", ownerId: "ann", memberIds: ["ann", "ben"] });
        // Warm b's view (a cache, where the engine has one).
        expect((await b.groups.get(g))?.memberIds).toEqual(["ann", "ben"]);
        expect((await b.groups.get(g))?.memberIds).toEqual(["ann", "ben"]);
        let notified = latch<void>(DEADLINE_MS, "notification on b");
        await b.broker.subscribe(() => notified.resolve());

        // As in core: change on a, then notify the members' nodes; a member on b who sends after
        // that notification must be checked against the new membership.
        await a.groups.addMembers(g, ["cat"]);
        await a.broker.publish(b.nodeId, new Uint8Array([1]));
        await notified.promise;
        expect((await b.groups.get(g))?.memberIds).toEqual(["ann", "ben", "cat"]);

        notified = latch<void>(DEADLINE_MS, "second notification on b");
        await a.groups.removeMembers(g, ["ann"]);
        await a.broker.publish(b.nodeId, new Uint8Array([2]));
        await notified.promise;
        expect(await b.groups.get(g)).toEqual({ conversationId: g, name: "n", ownerId: "ben", memberIds: ["ben", "cat"] });
      });

      it("sequences 200 concurrent appends from two nodes without gaps", async () => {
        const [a, b] = [await engine(), await engine()];
        const conv = dm();
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).store.append(input(conv, "alice", `c${i}`))),
        );
        expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(range(1, 200));
      });

      it("dedupes a send retried on another node", async () => {
        const [a, b] = [await engine(), await engine()];
        const conv = dm();
        const results = await Promise.all([a, b, a, b].map((e) => e.store.append(input(conv, "alice", "retry"))));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.message.messageId)).size).toBe(1);
      });
    });
  });
}

// ------------------------------------------------------------------ fixtures

function dm(): string {
  return `dm:${uniqueId("a")}:${uniqueId("b")}`;
}

function group(): string {
  return `g:${uniqueId("grp")}`;
}

function input(conversationId: string, senderId: string, clientMsgId: string): AppendInput {
  return {
    conversationId,
    senderId,
    senderDevice: "phone",
    // Dedupe spans conversations: keep ids of different tests apart on a shared backend.
    clientMsgId: `${clientMsgId}@${conversationId}`,
    body: new TextEncoder().encode(`body of ${clientMsgId}`),
    contentType: "text/plain",
    memberIds: [],
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function sortHeads<T extends { conversationId: string }>(heads: T[]): T[] {
  return [...heads].sort((x, y) => x.conversationId.localeCompare(y.conversationId));
}

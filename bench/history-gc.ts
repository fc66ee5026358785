// What the memory engine's held history costs the garbage collector: a full (mark-compact) GC
// walks every object it holds, so a node whose history fills up pauses longer and longer. This
// prints the heap per held message and the time of a full GC with N messages held, and the CPU
// per append while history grows (scavenges and incremental marking included).
//
//   node --expose-gc --import tsx bench/history-gc.ts
//
// Env: MESSAGES (400000 held), CONVERSATIONS (500 DMs), BODY_BYTES (100), ROUNDS (3 full GCs).
// Inputs are shaped as the gateway's decode makes them: a fresh conversation id and client
// message id string and a body copied out of the frame for every append.
import { MemoryEngine } from "../src/engine/memory/memory-engine.js";

const MESSAGES = Number(process.env["MESSAGES"] ?? 400_000);
const CONVERSATIONS = Number(process.env["CONVERSATIONS"] ?? 500);
const BODY_BYTES = Number(process.env["BODY_BYTES"] ?? 100);
const ROUNDS = Number(process.env["ROUNDS"] ?? 3);

const gc: () => void =
  (globalThis as { gc?: () => void }).gc ??
  ((): never => {
    throw new Error("run with node --expose-gc");
  });

const user = (i: number): string => `u${String(i).padStart(5, "0")}`;
const FRAME = new Uint8Array(BODY_BYTES + 64).fill(7);
const convIdBytes = Array.from({ length: CONVERSATIONS }, (_, k) => Buffer.from(`dm:${user(2 * k)}:${user(2 * k + 1)}`));
const members = Array.from({ length: CONVERSATIONS }, (_, k) => Object.freeze([user(2 * k), user(2 * k + 1)]));

async function main(): Promise<void> {
  const engine = new MemoryEngine({
    nodeId: "bench",
    historyPerConversation: 10_000,
    historyMaxBytes: 4 * 1024 ** 3,
    dedupeTtlMs: 86_400_000,
    dedupeMaxEntries: 1_000_000,
  });
  const append = (n: number): Promise<unknown> => {
    const k = n % CONVERSATIONS;
    const sender = members[k]![n & 1]!;
    return engine.store.append({
      conversationId: convIdBytes[k]!.toString(),
      senderId: sender,
      senderDevice: "d1",
      clientMsgId: `lw0abc${n.toString(36)}-${(n * 7).toString(36)}`,
      body: Uint8Array.prototype.slice.call(FRAME, 32, 32 + BODY_BYTES),
      contentType: "application/x-load",
      memberIds: members[k]!,
    });
  };
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  const t0 = process.cpuUsage();
  const step = Math.max(1, Math.floor(MESSAGES / 10));
  for (let n = 0; n < MESSAGES; n++) {
    await append(n);
    if ((n + 1) % step === 0) process.stderr.write(`\r  appended ${n + 1}/${MESSAGES}`);
  }
  process.stderr.write("\n");
  const cpu = process.cpuUsage(t0);
  const appendUs = (cpu.user + cpu.system) / MESSAGES;
  const gcMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    gc();
    gcMs.push(performance.now() - t);
  }
  const mem = process.memoryUsage();
  const stats = engine.store.historyStats();
  const held = stats.messages;
  console.log(
    JSON.stringify({
      messages: MESSAGES,
      held,
      heapPerMessageBytes: Math.round((mem.heapUsed - heap0) / held),
      rssPerMessageBytes: Math.round((mem.rss - rss0) / held),
      countedPerMessageBytes: Math.round(stats.bytes / held),
      externalMB: Math.round(mem.external / 1e6),
      fullGcMs: gcMs.map((x) => Number(x.toFixed(1))),
      appendCpuUs: Number(appendUs.toFixed(2)),
    }),
  );
  await engine.close();
}

await main();

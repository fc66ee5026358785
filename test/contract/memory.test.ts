// The engine contract against the single-process engine (no shared backend: one node only).
import { MemoryEngine } from "../../src/engine/memory/memory-engine.js";
import { engineContract } from "./engine.contract.js";

engineContract("memory", {
  multiNode: false,
  async create(nodeId, opts) {
    return new MemoryEngine({
      nodeId,
      historyPerConversation: opts?.historyMaxPerConversation ?? 10_000,
      dedupeTtlMs: 24 * 3600 * 1000,
    });
  },
});

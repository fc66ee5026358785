// The engine contract against the Redis engine: every engine of this file shares one server and
// one unique key prefix, deleted at the end.
import { deleteKeys, REDIS_URL, startEngine, uniquePrefix } from "./redis-fixtures.js";
import { engineContract } from "./engine.contract.js";

const prefix = uniquePrefix();

engineContract("redis", {
  multiNode: true,
  async create(nodeId, opts) {
    return startEngine(REDIS_URL, {
      nodeId,
      prefix,
      ...(opts?.historyMaxPerConversation === undefined ? {} : { historyMaxPerConversation: opts.historyMaxPerConversation }),
    });
  },
  async teardown() {
    await deleteKeys(REDIS_URL, prefix);
  },
});

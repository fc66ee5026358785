// Prometheus counters fed from the Redis engine's own counters (RedisEngine.stats()), read at
// scrape time: round trips and commands sent (round trips per message = sb_redis_round_trips_total
// / sb_messages_sent_total), presence re-registrations and re-subscriptions after reconnects.
import { Counter, type Registry } from "prom-client";

/** What the collector reads: RedisEngine satisfies it. */
export interface RedisStatsSource {
  stats(): {
    roundTrips: number;
    commands: number;
    presenceResyncs: number;
    resubscriptions: number;
    publishes: number;
    envelopeFallbacks: number;
    probes: number;
  };
}

type StatName = keyof ReturnType<RedisStatsSource["stats"]>;

const SERIES: [name: string, help: string, stat: StatName][] = [
  ["sb_redis_round_trips_total", "Pipelines written to Redis (one round trip each)", "roundTrips"],
  ["sb_redis_commands_total", "Redis commands and scripts sent (all pipelined)", "commands"],
  ["sb_redis_presence_resyncs_total", "Re-registrations of this node's sessions (start, reconnect, lapsed heartbeat)", "presenceResyncs"],
  ["sb_redis_resubscriptions_total", "Subscription (re)establishments of the pub/sub connection", "resubscriptions"],
  ["sb_redis_publishes_total", "PUBLISH commands carrying envelopes to other nodes: batches, single envelopes and fallbacks", "publishes"],
  [
    "sb_redis_envelope_fallbacks_total",
    "Envelopes re-published one by one because their batch reached no subscriber (a node of an older version, or a gone one)",
    "envelopeFallbacks",
  ],
  [
    "sb_redis_batch_probes_total",
    "PUBSUB NUMSUB answers about other nodes' batch channels (whether they read batched envelopes)",
    "probes",
  ],
];

/** Registers the engine's counters on `registry`; values are taken from `source` at each scrape. */
export function registerRedisMetrics(registry: Registry, source: RedisStatsSource): void {
  for (const [name, help, stat] of SERIES) {
    let last = 0;
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        // The engine's counters only grow; add what accrued since the previous scrape.
        const now = source.stats()[stat];
        if (now > last) this.inc(now - last);
        last = now;
      },
    });
  }
}

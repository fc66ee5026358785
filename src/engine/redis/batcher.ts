// Collects the commands issued during one event-loop turn into one ioredis pipeline: one write
// and one round trip for many messages. Also the single place where Redis faults become
// UNAVAILABLE errors, so callers never see a raw connection error.
import type { Redis } from "ioredis";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";

export type RedisArg = string | number | Buffer | Uint8Array;

interface Pending {
  command: string;
  args: RedisArg[];
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Round trips and commands sent, for benchmarks (round trips per message) and metrics. */
export interface BatchStats {
  roundTrips: number;
  commands: number;
}

export class Batcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly counters: BatchStats = { roundTrips: 0, commands: 0 };

  /** `maxBatch` bounds one pipeline so a burst does not build one huge write. */
  constructor(
    private readonly client: Redis,
    private readonly maxBatch = 1000,
  ) {}

  /**
   * Queues one command (a Redis command or a script defined by defineScripts; append "Buffer"
   * to the name for binary replies) for the next flush. Fails at once while Redis is down.
   */
  send<T>(command: string, ...args: RedisArg[]): Promise<T> {
    if (this.client.status !== "ready") {
      return Promise.reject(new SwitchboardError(ErrorCode.UNAVAILABLE, `redis is ${this.client.status}`));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command, args, resolve: resolve as (v: unknown) => void, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: it also gathers commands issued by the other I/O
        // callbacks (socket frames) of this loop turn.
        setImmediate(() => this.flush());
      }
    });
  }

  stats(): BatchStats {
    return { ...this.counters };
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const pipeline = this.client.pipeline();
    const sent: Pending[] = [];
    for (const p of batch) {
      const method = (pipeline as unknown as Record<string, unknown>)[p.command];
      if (typeof method !== "function") {
        p.reject(new Error(`unknown redis command ${p.command}`));
        continue;
      }
      (method as (...a: RedisArg[]) => unknown).apply(pipeline, p.args);
      sent.push(p);
    }
    this.counters.roundTrips += 1;
    this.counters.commands += sent.length;
    pipeline.exec().then(
      (results) => settle(sent, results),
      (err: unknown) => {
        for (const p of sent) p.reject(unavailable(err));
      },
    );
  }
}

function settle(batch: Pending[], results: [Error | null, unknown][] | null): void {
  batch.forEach((p, i) => {
    const r = results?.[i];
    if (r === undefined) p.reject(unavailable(new Error("pipeline returned no reply")));
    else if (r[0] !== null) p.reject(unavailable(r[0]));
    else p.resolve(r[1]);
  });
}

/**
 * Connection loss, timeouts and server states (LOADING, OOM, READONLY, BUSY) become a retryable
 * UNAVAILABLE; a script or type error is a bug in this engine, so it stays INTERNAL.
 */
export function unavailable(err: unknown): SwitchboardError {
  if (err instanceof SwitchboardError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const bug = err instanceof Error && err.name === "ReplyError" && /^(ERR|WRONGTYPE)/.test(message);
  return new SwitchboardError(bug ? ErrorCode.INTERNAL : ErrorCode.UNAVAILABLE, `redis: ${message}`, { cause: err });
}

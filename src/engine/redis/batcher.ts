// Collects the commands issued during one event-loop turn into one write: one syscall and one
// round trip for many messages. Also the single place where Redis faults become UNAVAILABLE
// errors, so callers never see a raw connection error.
//
// Commands go straight to the connection while its socket is corked, and the cork is released
// at the end of the turn; they are not built into an ioredis Pipeline. A pipeline per flush copies
// every script and command method onto a fresh object and chains a promise per command; with
// about one flush per connect (connects arrive in separate loop turns), measured per presence
// registration: ~15 KB allocated, of which ~8 KB survived young-generation collections (kept
// reachable from older pipelines until the next full GC), which made V8 grow its young
// generation and promote garbage into the old one. Sent directly: ~10 KB allocated, ~0.7 KB
// surviving, and about a third less CPU per command in large batches too. Order is unchanged:
// one connection, written in call order.
import type { Redis } from "ioredis";
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";

export type RedisArg = string | number | Buffer | Uint8Array;

/** Round trips and commands sent, for benchmarks (round trips per message) and metrics. */
export interface BatchStats {
  roundTrips: number;
  commands: number;
}

type Method = (...args: RedisArg[]) => Promise<unknown>;

/** The part of a socket the batcher uses. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

export class Batcher {
  /** The socket corked for the current turn's commands, null when nothing is waiting. */
  private corked: Corkable | null = null;
  /** Commands written under the current cork. */
  private written = 0;
  private scheduled = false;
  /** Callers that gather a command over the turn and send it just before the flush (see defer). */
  private collectors: (() => void)[] = [];
  private readonly counters: BatchStats = { roundTrips: 0, commands: 0 };
  private readonly endOfTurn = (): void => {
    const collectors = this.collectors;
    let failure: unknown = null;
    if (collectors.length > 0) {
      this.collectors = [];
      // Each collector runs even if another throws: a skipped one would never be scheduled again.
      failure = callEach(collectors, (collect) => collect());
    }
    // Whatever a collector did, the turn's commands go out and later turns schedule again.
    this.scheduled = false;
    this.flush();
    if (failure !== null) this.onCollectorError(failure);
  };

  /**
   * `maxBatch` bounds one write so a burst does not build one huge buffer. A collector that
   * throws is a bug: `onCollectorError` reports it (the engine logs it; thrown from the end of
   * the turn it would end the process and every socket on it). Default: rethrow.
   */
  constructor(
    private readonly client: Redis,
    private readonly maxBatch = 1000,
    private readonly onCollectorError: (err: unknown) => void = rethrow,
  ) {}

  /**
   * Sends one command (a Redis command or a script defined by defineScripts; append "Buffer"
   * to the name for binary replies) in this turn's write. Fails at once while Redis is down.
   */
  send<T>(command: string, ...args: RedisArg[]): Promise<T> {
    const client = this.client;
    if (client.status !== "ready") {
      return Promise.reject(new SwitchboardError(ErrorCode.UNAVAILABLE, `redis is ${client.status}`));
    }
    const method = (client as unknown as Record<string, unknown>)[command];
    if (typeof method !== "function") return Promise.reject(new Error(`unknown redis command ${command}`));
    if (this.corked === null) {
      this.corked = client.stream;
      this.corked.cork();
    }
    this.schedule();
    let reply: Promise<unknown>;
    try {
      reply = (method as Method).apply(client, args);
    } catch (err) {
      return Promise.reject(unavailable(err));
    }
    this.counters.commands += 1;
    this.written += 1;
    if (this.written >= this.maxBatch) this.flush();
    return reply.then(undefined, rethrowUnavailable) as Promise<T>;
  }

  /**
   * Calls `collect` at the end of this loop turn, before the turn's write goes out: a caller that
   * gathers one command from many calls (appends, cursor and presence writes) sends it there, in
   * the same write as the rest. `collect` settles its own callers; it must not throw.
   */
  defer(collect: () => void): void {
    this.collectors.push(collect);
    this.schedule();
  }

  stats(): BatchStats {
    return { ...this.counters };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: it also gathers commands issued by the other I/O callbacks
    // (socket frames) of this loop turn.
    setImmediate(this.endOfTurn);
  }

  private flush(): void {
    const socket = this.corked;
    if (socket === null) return;
    this.corked = null;
    if (this.written > 0) this.counters.roundTrips += 1;
    this.written = 0;
    // A socket replaced by a reconnect meanwhile is uncorked all the same: its commands were
    // rejected when it closed, and uncorking a destroyed socket does nothing.
    socket.uncork();
  }
}

/** Calls `fn` on every item, even after one throws; returns the first error, or null. */
export function callEach<T>(items: Iterable<T>, fn: (item: T) => void): unknown {
  let failure: unknown = null;
  for (const item of items) {
    try {
      fn(item);
    } catch (err) {
      failure ??= err;
    }
  }
  return failure;
}

function rethrow(err: unknown): never {
  throw err;
}

function rethrowUnavailable(err: unknown): never {
  throw unavailable(err);
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

// Writes gathered over one event-loop turn and sent as one call at its end, instead of one
// command (and one promise chain) each; every caller's promise settles when that call does. A
// call holds at most `max` entries: a full one is closed and the next entry opens another,
// written after it (one connection, written in call order).
export class TurnWrites<V> {
  private entries: Map<string, V> | null = null;
  private written: Promise<void> | null = null;

  constructor(
    private readonly max: number,
    private readonly write: (entries: Map<string, V>) => Promise<void>,
  ) {}

  /** Queues `value` under `key`; with `merge`, a value already queued this turn is combined. */
  add(key: string, value: V, merge?: (queued: V, value: V) => V): Promise<void> {
    let entries = this.entries;
    let written = this.written;
    if (entries === null || written === null) {
      const fresh = new Map<string, V>();
      entries = fresh;
      written = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        if (this.entries === fresh) this.close();
        return this.write(fresh);
      });
      this.entries = entries;
      this.written = written;
    }
    const queued = merge === undefined ? undefined : entries.get(key);
    entries.set(key, queued === undefined || merge === undefined ? value : merge(queued, value));
    if (entries.size >= this.max) this.close();
    return written;
  }

  private close(): void {
    this.entries = null;
    this.written = null;
  }
}

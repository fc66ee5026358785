// Writes gathered over one event-loop turn and sent as one call at its end, instead of one
// command (and one promise chain) each; every caller's promise settles when that call does. A
// call holds at most `max` entries: a full one is closed and the next entry opens another,
// written after it (one connection, written in call order). With the Batcher's defer as
// `atEndOfTurn`, the call goes out in the same write as the turn's other commands.
export class TurnWrites<V, R = void> {
  /** The call being gathered and the promise its callers get; null until the next entry. */
  private open: { entries: Map<string, V>; written: Promise<R> } | null = null;

  constructor(
    private readonly max: number,
    /** Writes one call's entries; every caller of that call gets what it resolves with. */
    private readonly write: (entries: Map<string, V>) => Promise<R>,
    private readonly atEndOfTurn: (collect: () => void) => void,
  ) {}

  /** Queues `value` under `key`; with `merge`, a value already queued this turn is combined. */
  add(key: string, value: V, merge?: (queued: V, value: V) => V): Promise<R> {
    let open = this.open;
    if (open === null) {
      const entries = new Map<string, V>();
      const written = new Promise<R>((resolve, reject) =>
        this.atEndOfTurn(() => {
          if (this.open?.entries === entries) this.open = null;
          // Called synchronously: the command it sends joins this turn's write.
          this.write(entries).then(resolve, reject);
        }),
      );
      open = { entries, written };
      this.open = open;
    }
    const { entries, written } = open;
    const queued = merge === undefined ? undefined : entries.get(key);
    entries.set(key, queued === undefined || merge === undefined ? value : merge(queued, value));
    // A full call is closed: the next entry opens another, written after it.
    if (entries.size >= this.max) this.open = null;
    return written;
  }
}

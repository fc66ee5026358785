// A tiny typed event emitter: browsers have no node:events, and the client needs only on/off/once.

type Listener<T> = (value: T) => void;

export class Emitter<Events extends object> {
  // Created on first subscription: most of the load tool's 20k clients share one or two listeners.
  private listeners: { [K in keyof Events]?: Listener<Events[K]>[] } | null = null;

  on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): this {
    this.listeners ??= {};
    const list = this.listeners[event];
    if (list === undefined) this.listeners[event] = [fn];
    else list.push(fn);
    return this;
  }

  off<K extends keyof Events>(event: K, fn: Listener<Events[K]>): this {
    const list = this.listeners?.[event];
    if (list === undefined) return this;
    const i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
    return this;
  }

  once<K extends keyof Events>(event: K, fn: Listener<Events[K]>): this {
    const wrapper: Listener<Events[K]> = (v) => {
      this.off(event, wrapper);
      fn(v);
    };
    return this.on(event, wrapper);
  }

  listenerCount(event: keyof Events): number {
    return this.listeners?.[event]?.length ?? 0;
  }

  /**
   * Calls every listener. A throwing listener must not corrupt the caller's state (emits happen
   * mid-frame): its error is rethrown asynchronously, as an uncaught error, never dropped.
   */
  protected emit<K extends keyof Events>(event: K, value: Events[K]): boolean {
    const list = this.listeners?.[event];
    if (list === undefined || list.length === 0) return false;
    for (const fn of list.length === 1 ? list : [...list]) {
      try {
        fn(value);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
    return true;
  }
}

// Synchronisation for tests without sleeps: latches that resolve on an event (or fail at a
// deadline), and polling that fails with the last observed state at its deadline.
import { randomBytes } from "node:crypto";

export function uniqueId(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}`;
}

/** A promise resolved from outside, that rejects on its own after `timeoutMs`. */
export interface Latch<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function latch<T>(timeoutMs: number, what: string): Latch<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    resolve = (value) => {
      clearTimeout(timer);
      res(value);
    };
  });
  return { promise, resolve };
}

/** Calls `probe` every `intervalMs` until it returns true; fails at the deadline. */
export async function waitFor(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the first rejection of `p`, or fails when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

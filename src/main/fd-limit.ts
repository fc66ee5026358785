// The open-files limit caps how many sockets a process can hold. Past it, accept() fails and the
// node would stall new connections instead of refusing them with a clean 503 node_full, which a
// load balancer retries on another node: MAX_CONNECTIONS is capped to fit under the limit.
import { readFileSync } from "node:fs";

/** Descriptors kept free for Redis, MySQL, the listen socket, logs and pipes. */
export const FD_HEADROOM = 256;

/** The soft "Max open files" of /proc/<pid>/limits text; Infinity when unlimited or unknown. */
export function softOpenFiles(limitsText: string): number {
  const m = /^Max open files\s+(\d+|unlimited)/m.exec(limitsText);
  return m === null || m[1] === "unlimited" ? Infinity : Number(m[1]);
}

/** MAX_CONNECTIONS as the open-files limit allows it (at least 1). */
export function connectionsWithin(configured: number, softLimit: number): number {
  return Math.max(1, Math.min(configured, softLimit - FD_HEADROOM));
}

/** This process's soft open-files limit (Infinity off Linux). */
export function currentSoftOpenFiles(): number {
  try {
    return softOpenFiles(readFileSync("/proc/self/limits", "utf8"));
  } catch {
    return Infinity;
  }
}

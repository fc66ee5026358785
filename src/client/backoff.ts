// Reconnect and retry delays: exponential with full jitter (delay uniform in [0, cap)), so a node
// restart does not bring every client back in the same instant.

export interface BackoffPolicy {
  minDelayMs: number;
  maxDelayMs: number;
}

/** Delay before attempt `attempt` (0-based): uniform in [0, min(max, min * 2^attempt)). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  // 2^31 already exceeds any sane max; clamping the exponent keeps the arithmetic finite.
  const cap = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** Math.min(attempt, 31));
  return Math.floor(random() * cap);
}

// Structured JSON logs. One root logger per process; per-session context goes in fields,
// never in child loggers (a child per socket would cost memory per connection).
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, nodeId: string): Logger {
  return pino({ level, base: { node: nodeId }, timestamp: pino.stdTimeFunctions.isoTime });
}

// Node flags every gateway process is started with (npm start, the Docker image, compose, the
// plain-process cluster and the benchmarks), kept in one place for the TypeScript launchers.
//
// --max-semi-space-size=8 (MiB; V8's default ceiling here is 16): a connection storm allocates
// fast enough that V8 grows the young generation to its ceiling and keeps it, which costs a
// gateway more resident memory than the connections themselves. Measured on 2 nodes with 10,000
// idle connections: marginal RSS 2.80–2.93 KiB per connection by default, 0.87–1.09 KiB with
// this flag; connect CPU and chat latency unchanged (BENCHMARKS.md, "young generation").
export const GATEWAY_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8"];

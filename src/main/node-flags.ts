// Node flags a gateway on the Redis engine is started with (the Docker image, compose, the
// plain-process cluster and the benchmarks), kept in one place for the TypeScript launchers.
//
// --max-semi-space-size=8 (MiB; V8's default ceiling here is 16): a connection storm allocates
// fast enough that V8 grows the young generation to its ceiling and keeps it, which costs a
// gateway more resident memory than the connections themselves. Measured on 2 nodes with 10,000
// idle connections: marginal RSS 2.80–2.93 KiB per connection by default, 0.87–1.09 KiB with
// this flag; connect CPU and chat latency unchanged.
//
// Not for the memory engine (`npm start`): when it kept history on the JS heap, a smaller young
// generation promoted more of it, which cost p99 at 10,000 msg/s (22–30 ms by default, 25–63 ms
// with the flag, 4 runs each). BENCHMARKS.md, "young generation", has both measurements. With
// history in byte slabs (session 8), at 20,000 msg/s: p99 10.7 and 19.9 ms with the flag, 15.6
// and 10.5 without, and half again as much scavenging: still nothing to gain there.
export const REDIS_GATEWAY_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=8"];

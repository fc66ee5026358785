// HotHistogram must expose exactly what prom-client's Histogram exposes for the same observations:
// dashboards and the benches parse these series.
import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { HotHistogram } from "../../src/observability/metrics.js";

const BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function pair(): { ref: Histogram; hot: HotHistogram; refRegistry: Registry; hotRegistry: Registry } {
  const refRegistry = new Registry();
  const hotRegistry = new Registry();
  const ref = new Histogram({ name: "sb_test_seconds", help: "A test histogram", buckets: BUCKETS, registers: [refRegistry] });
  const hot = new HotHistogram("sb_test_seconds", "A test histogram", BUCKETS, hotRegistry);
  return { ref, hot, refRegistry, hotRegistry };
}

describe("HotHistogram", () => {
  it("scrapes like prom-client's Histogram: empty, then after values in, on and past the bounds", async () => {
    const { ref, hot, refRegistry, hotRegistry } = pair();
    expect(await hotRegistry.metrics()).toBe(await refRegistry.metrics());
    const values = [0, 0.0004, 0.0005, 0.00051, 0.003, 0.02, 0.7, 2.5, 3, 1e6, ...Array.from({ length: 200 }, (_, i) => (i * 0.37) % 4)];
    for (const v of values) {
      ref.observe(v);
      hot.observe(v);
    }
    const text = await hotRegistry.metrics();
    expect(text).toBe(await refRegistry.metrics());
    expect(text).toContain(`sb_test_seconds_count ${values.length}`);
    expect(text).toContain('sb_test_seconds_bucket{le="0.0005"} 4');
  });

  it("keeps default labels and resets with the registry", async () => {
    const { ref, hot, refRegistry, hotRegistry } = pair();
    for (const r of [refRegistry, hotRegistry]) r.setDefaultLabels({ node: "n1" });
    ref.observe(0.01);
    hot.observe(0.01);
    expect(await hotRegistry.metrics()).toBe(await refRegistry.metrics());
    refRegistry.resetMetrics();
    hotRegistry.resetMetrics();
    expect(await hotRegistry.metrics()).toBe(await refRegistry.metrics());
    expect(await hotRegistry.getMetricsAsJSON()).toEqual(await refRegistry.getMetricsAsJSON());
    ref.observe(3);
    hot.observe(3);
    expect(await hotRegistry.metrics()).toBe(await refRegistry.metrics());
  });
});

// A small mergeable latency histogram with fixed relative precision (log-bucketed, DDSketch-style
// mapping). Workers ship bucket counts, never raw samples, so the coordinator can merge any number
// of them and still answer percentiles within the same relative error.

/** Serialised form sent over IPC and stored in result.json: sparse [bucketIndex, count] pairs. */
export interface HistogramData {
  readonly precision: number;
  readonly count: number;
  readonly zero: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  readonly buckets: readonly (readonly [number, number])[];
}

/** Values at or below this (ms) land in the zero bucket: far below anything a socket can measure. */
const ZERO_THRESHOLD = 1e-6;
/**
 * Bucket indices [DENSE_MIN, DENSE_MIN + DENSE_SIZE) live in a typed array (at 1 % precision:
 * 0.1 ns to two years), so recording a sample is a log and an increment; others go to a map.
 */
const DENSE_MIN = -800;
const DENSE_SIZE = 2048;

export class Histogram {
  /** Bucket i covers (gamma^(i-1), gamma^i]; its representative value is within `precision` of any value in it. */
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly dense = new Float64Array(DENSE_SIZE);
  /** Lowest and highest dense slot in use (empty when lo > hi): bounds every scan. */
  private lo = DENSE_SIZE;
  private hi = -1;
  private readonly sparse = new Map<number, number>();
  private readonly invLogGamma: number;
  private zeroCount = 0;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor(readonly precision = 0.01) {
    if (!(precision > 0 && precision < 0.5)) throw new RangeError("precision must be in (0, 0.5)");
    this.gamma = (1 + precision) / (1 - precision);
    this.logGamma = Math.log(this.gamma);
    this.invLogGamma = 1 / this.logGamma;
  }

  record(value: number, times = 1): void {
    if (!Number.isFinite(value) || times <= 0) return;
    // Negative latencies only come from clock adjustments; clamp rather than lose the sample.
    const v = Math.max(0, value);
    this.count += times;
    this.sum += v * times;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (v <= ZERO_THRESHOLD) {
      this.zeroCount += times;
      return;
    }
    this.add(Math.ceil(Math.log(v) * this.invLogGamma), times);
  }

  private add(i: number, n: number): void {
    const d = i - DENSE_MIN;
    if (d >= 0 && d < DENSE_SIZE) {
      this.dense[d] = this.dense[d]! + n;
      if (d < this.lo) this.lo = d;
      if (d > this.hi) this.hi = d;
    } else {
      this.sparse.set(i, (this.sparse.get(i) ?? 0) + n);
    }
  }

  /** [bucketIndex, count] pairs in ascending index order. */
  private *buckets(): Generator<[number, number]> {
    const below = [...this.sparse.keys()].filter((i) => i < DENSE_MIN).sort((a, b) => a - b);
    for (const i of below) yield [i, this.sparse.get(i)!];
    for (let d = this.lo; d <= this.hi; d += 1) if (this.dense[d]! > 0) yield [d + DENSE_MIN, this.dense[d]!];
    const above = [...this.sparse.keys()].filter((i) => i >= DENSE_MIN).sort((a, b) => a - b);
    for (const i of above) yield [i, this.sparse.get(i)!];
  }

  /** Nearest-rank percentile (q in [0, 1]); NaN when empty. Exact min/max at the ends. */
  percentile(q: number): number {
    if (this.count === 0) return Number.NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = Math.ceil(q * this.count);
    let seen = this.zeroCount;
    if (seen >= rank) return 0;
    for (const [i, n] of this.buckets()) {
      seen += n;
      if (seen >= rank) return this.clamp(this.valueOf(i));
    }
    return this.max;
  }

  mean(): number {
    return this.count === 0 ? Number.NaN : this.sum / this.count;
  }

  merge(other: Histogram | HistogramData): this {
    const data = other instanceof Histogram ? other.toJSON() : other;
    if (Math.abs(data.precision - this.precision) > 1e-12) throw new Error("cannot merge histograms of different precision");
    if (data.count === 0) return this;
    this.count += data.count;
    this.sum += data.sum;
    this.zeroCount += data.zero;
    this.min = Math.min(this.min, data.min);
    this.max = Math.max(this.max, data.max);
    for (const [i, n] of data.buckets) this.add(i, n);
    return this;
  }

  reset(): void {
    if (this.lo <= this.hi) this.dense.fill(0, this.lo, this.hi + 1);
    this.lo = DENSE_SIZE;
    this.hi = -1;
    this.sparse.clear();
    this.zeroCount = 0;
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }

  toJSON(): HistogramData {
    return {
      precision: this.precision,
      count: this.count,
      zero: this.zeroCount,
      sum: this.sum,
      min: this.count === 0 ? 0 : this.min,
      max: this.count === 0 ? 0 : this.max,
      buckets: [...this.buckets()],
    };
  }

  static from(data: HistogramData): Histogram {
    return new Histogram(data.precision).merge(data);
  }

  /** The value minimising the relative error over the bucket (gamma^(i-1), gamma^i]. */
  private valueOf(i: number): number {
    return (2 * Math.pow(this.gamma, i)) / (this.gamma + 1);
  }

  /** Never report a percentile outside the observed range. */
  private clamp(v: number): number {
    return Math.min(this.max, Math.max(this.min, v));
  }
}

/** p50/p99/p999 summary, rounded for humans; null fields when nothing was recorded. */
export interface Percentiles {
  count: number;
  p50: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  mean: number | null;
}

export function summarize(h: Histogram): Percentiles {
  const r = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null);
  return {
    count: h.count,
    p50: r(h.percentile(0.5)),
    p99: r(h.percentile(0.99)),
    p999: r(h.percentile(0.999)),
    max: r(h.count ? h.max : NaN),
    mean: r(h.mean()),
  };
}

// One conversation's history in the memory engine: encoded records copied into byte slabs, found
// through a typed-array index. No JavaScript object per record: a full GC walks every object
// held, and the history is most of what a memory-engine node holds.

const MIN_SLAB_BYTES = 256;
const MAX_SLAB_BYTES = 64 * 1024;
/** Index entries per record: slab number, offset, length. */
const E = 3;

export class RecordLog {
  /** slabs[i] is slab number slabBase + i; records never span slabs. */
  private slabs: Uint8Array[] = [];
  private slabBase = 0;
  private fill = 0;
  private index = new Float64Array(E * 8);
  /** Index entry of the oldest record held. */
  private first = 0;
  private held = 0;
  /** Record bytes held. */
  bytes = 0;
  /** Slab bytes allocated (a short log: one slab, regrown by copying; see repack). */
  allocated = 0;

  get length(): number {
    return this.held;
  }

  /** Slabs allocated (for tests: a slab no held record uses must be freed). */
  get slabCount(): number {
    return this.slabs.length;
  }

  push(record: Uint8Array): void {
    const len = record.byteLength;
    let last = this.slabs[this.slabs.length - 1];
    if (last === undefined || this.fill + len > last.byteLength) {
      const want = this.bytes + len;
      if (want <= MAX_SLAB_BYTES / 2) {
        // A short log lives in one slab, regrown by copying what it holds (dead records left
        // behind): its slack stays under half of what it holds, however it got short.
        this.repack(roomFor(want));
      } else {
        this.slabs.push(new Uint8Array(Math.max(len, MAX_SLAB_BYTES)));
        this.allocated += Math.max(len, MAX_SLAB_BYTES);
        this.fill = 0;
      }
      last = this.slabs[this.slabs.length - 1]!;
    }
    last.set(record, this.fill);
    if (E * (this.first + this.held + 1) > this.index.length) this.makeRoom();
    const e = E * (this.first + this.held);
    this.index[e] = this.slabBase + this.slabs.length - 1;
    this.index[e + 1] = this.fill;
    this.index[e + 2] = len;
    this.fill += len;
    this.held += 1;
    this.bytes += len;
  }

  /** The k-th record held (0 is the oldest), as a view into its slab. */
  get(k: number): Uint8Array {
    const e = E * (this.first + k);
    const offset = this.index[e + 1]!;
    return this.slabs[this.index[e]! - this.slabBase]!.subarray(offset, offset + this.index[e + 2]!);
  }

  /** The k-th record's length. */
  lengthOf(k: number): number {
    return this.index[E * (this.first + k) + 2]!;
  }

  /** Drops the n oldest records; returns their bytes. Slabs they alone used are freed. */
  dropOldest(n: number): number {
    let freed = 0;
    for (let k = 0; k < n; k++) freed += this.lengthOf(k);
    this.first += n;
    this.held -= n;
    this.bytes -= freed;
    if (this.held === 0) {
      this.slabBase += this.slabs.length;
      this.slabs = [];
      this.allocated = 0;
      this.fill = 0;
      this.first = 0;
      if (this.index.length > E * 64) this.index = new Float64Array(E * 8);
      return freed;
    }
    const unused = this.index[E * this.first]! - this.slabBase;
    if (unused > 0) {
      for (let i = 0; i < unused; i++) this.allocated -= this.slabs[i]!.byteLength;
      this.slabs.splice(0, unused);
      this.slabBase += unused;
    }
    if (this.allocated > 4 * this.bytes + 4096) this.repack(roomFor(this.bytes));
    return freed;
  }

  /**
   * Copies the held records into one slab of `size` bytes, and the index into one of their
   * number: how a short log grows, and what a log shrunk by eviction (or by a drop of most of it)
   * keeps. The copy is paid for by the bytes pushed, or dropped, since the last one.
   */
  private repack(size: number): void {
    const slab = new Uint8Array(size);
    const index = new Float64Array(E * Math.max(8, nextPowerOfTwo(this.held + 1)));
    const serial = this.slabBase + this.slabs.length;
    let fill = 0;
    for (let k = 0; k < this.held; k++) {
      const record = this.get(k);
      slab.set(record, fill);
      index[E * k] = serial;
      index[E * k + 1] = fill;
      index[E * k + 2] = record.byteLength;
      fill += record.byteLength;
    }
    this.slabs = [slab];
    this.slabBase = serial;
    this.allocated = slab.byteLength;
    this.index = index;
    this.first = 0;
    this.fill = fill;
  }

  /** Moves the live entries to the front when at least half the index is dead, else grows it. */
  private makeRoom(): void {
    if (this.first >= this.held) {
      this.index.copyWithin(0, E * this.first, E * (this.first + this.held));
    } else {
      const bigger = new Float64Array(2 * this.index.length);
      bigger.set(this.index.subarray(E * this.first, E * (this.first + this.held)));
      this.index = bigger;
    }
    this.first = 0;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** A slab for `bytes` with half as much again to fill, in steps of 256 bytes. */
function roomFor(bytes: number): number {
  return Math.max(MIN_SLAB_BYTES, Math.ceil((bytes + (bytes >> 1)) / 256) * 256);
}

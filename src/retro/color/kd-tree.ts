// A static 3-D k-d tree over palette coordinates, for palettes too large to scan per lookup
// (SNES and Game Boy Color are 32,768 colours, Genesis 512). Implicit layout: the node for
// range [lo, hi) is its median element, so the tree is one index array and one axis array.

export class KdTree {
  private readonly order: Uint32Array;
  private readonly axis: Uint8Array;
  private bestIndex = -1;
  private bestDist = Infinity;
  private qx = 0;
  private qy = 0;
  private qz = 0;

  /** `points` holds n×3 coordinates; indices returned are positions in that list. */
  constructor(private readonly points: Float64Array) {
    const n = points.length / 3;
    this.order = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    this.axis = new Uint8Array(n);
    this.build(0, n);
  }

  private build(lo: number, hi: number): void {
    if (hi - lo <= 1) return;
    const p = this.points;
    // Split on the widest extent: palettes are boxy in RGB but flat in OKLab's a/b.
    let min0 = Infinity, min1 = Infinity, min2 = Infinity, max0 = -Infinity, max1 = -Infinity, max2 = -Infinity;
    for (let i = lo; i < hi; i++) {
      const o = this.order[i] * 3;
      min0 = Math.min(min0, p[o]); max0 = Math.max(max0, p[o]);
      min1 = Math.min(min1, p[o + 1]); max1 = Math.max(max1, p[o + 1]);
      min2 = Math.min(min2, p[o + 2]); max2 = Math.max(max2, p[o + 2]);
    }
    const e0 = max0 - min0, e1 = max1 - min1, e2 = max2 - min2;
    const ax = e0 >= e1 && e0 >= e2 ? 0 : e1 >= e2 ? 1 : 2;
    const slice = Array.from(this.order.subarray(lo, hi));
    // Ties broken by index so the tree (and every lookup) is identical run to run.
    slice.sort((a, b) => p[a * 3 + ax] - p[b * 3 + ax] || a - b);
    this.order.set(slice, lo);
    const mid = (lo + hi) >> 1;
    this.axis[mid] = ax;
    this.build(lo, mid);
    this.build(mid + 1, hi);
  }

  /** Index of the point nearest (squared Euclidean) to (x, y, z); lowest index on ties. */
  nearest(x: number, y: number, z: number): number {
    this.qx = x;
    this.qy = y;
    this.qz = z;
    this.bestIndex = -1;
    this.bestDist = Infinity;
    this.search(0, this.order.length);
    return this.bestIndex;
  }

  private search(lo: number, hi: number): void {
    if (lo >= hi) return;
    const mid = (lo + hi) >> 1;
    const idx = this.order[mid];
    const p = this.points;
    const o = idx * 3;
    const dx = p[o] - this.qx, dy = p[o + 1] - this.qy, dz = p[o + 2] - this.qz;
    const d = dx * dx + dy * dy + dz * dz;
    if (d < this.bestDist || (d === this.bestDist && idx < this.bestIndex)) {
      this.bestDist = d;
      this.bestIndex = idx;
    }
    if (hi - lo === 1) return;
    const ax = this.axis[mid];
    const diff = (ax === 0 ? this.qx : ax === 1 ? this.qy : this.qz) - p[o + ax];
    if (diff < 0) {
      this.search(lo, mid);
      if (diff * diff <= this.bestDist) this.search(mid + 1, hi);
    } else {
      this.search(mid + 1, hi);
      if (diff * diff <= this.bestDist) this.search(lo, mid);
    }
  }
}

/** A binary max-heap of offices by key (the greedy of the staffing optimiser picks the best office in O(log n)). */

export type HeapEntry = { index: number; id: string; key: number };

/** Max-heap on key, then the lowest id first. */
export class MaxHeap {
  private readonly items: HeapEntry[] = [];
  private above(a: HeapEntry, b: HeapEntry) {
    return a.key > b.key || (a.key === b.key && a.id < b.id);
  }
  private swap(i: number, j: number) {
    const t = this.items[i] as HeapEntry;
    this.items[i] = this.items[j] as HeapEntry;
    this.items[j] = t;
  }
  push(e: HeapEntry) {
    this.items.push(e);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(e, this.items[parent] as HeapEntry)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): HeapEntry | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (top === undefined || last === undefined || this.items.length === 0) return top;
    this.items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.items.length && this.above(this.items[l] as HeapEntry, this.items[best] as HeapEntry))
        best = l;
      if (r < this.items.length && this.above(this.items[r] as HeapEntry, this.items[best] as HeapEntry))
        best = r;
      if (best === i) return top;
      this.swap(i, best);
      i = best;
    }
  }
}

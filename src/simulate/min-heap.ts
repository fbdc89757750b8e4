/** A binary min-heap by a numeric key: the simulator's queue of jobs by the work point at which each ends. */
export class MinHeap<T> {
  private readonly items: { key: number; value: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(key: number, value: T): void {
    const items = this.items;
    items.push({ key, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].key <= key) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  /** The item of the smallest key, removed; undefined when empty. */
  pop(): { key: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < items.length && items[l].key < items[min].key) min = l;
      if (r < items.length && items[r].key < items[min].key) min = r;
      if (min === i) break;
      [items[i], items[min]] = [items[min], items[i]];
      i = min;
    }
    return top;
  }
}

// A hash table from strings to small integers, looked up by a range of characters of any string.
//
// A Map with string keys needs a string per lookup, hashes it (in the runtime, for a fresh string)
// and, for a large table, misses the CPU caches several times: entries and key strings lie all
// over the heap. This table keeps each key's hash, place and value in one typed-array slot and its
// characters in a character pool, so a lookup reads about two cache lines and builds no string.
// For memos over large vocabularies (stems, name runs) that are consulted for every article.

/** Slot layout: hash + 1 (0 = empty), offset in the pool, length, value. */
const SLOT = 4;
const INITIAL_CAPACITY = 1 << 12;

/** What get() returns for a key that is not in the table. */
export const ABSENT = -0x40000000;

export class CharTable {
  private capacity = INITIAL_CAPACITY;
  private slots = new Int32Array(INITIAL_CAPACITY * SLOT);
  private pool = new Uint16Array(INITIAL_CAPACITY * 8);
  private poolUsed = 0;
  private count = 0;

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /** The value of the key source[start, end), or ABSENT. */
  get(source: string, start: number, end: number): number {
    const at = this.find(source, start, end, hashChars(source, start, end));
    return this.slots[at] === 0 ? ABSENT : this.slots[at + 3]!;
  }

  /** Sets the value of the key source[start, end). */
  set(source: string, start: number, end: number, value: number): void {
    const hash = hashChars(source, start, end);
    const at = this.find(source, start, end, hash);
    if (this.slots[at] !== 0) {
      this.slots[at + 3] = value;
      return;
    }
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) {
      const larger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + length));
      larger.set(this.pool);
      this.pool = larger;
    }
    for (let i = 0; i < length; i++) this.pool[this.poolUsed + i] = source.charCodeAt(start + i);
    this.slots[at] = hash + 1;
    this.slots[at + 1] = this.poolUsed;
    this.slots[at + 2] = length;
    this.slots[at + 3] = value;
    this.poolUsed += length;
    if (++this.count * 2 > this.capacity) this.grow();
  }

  clear(): void {
    this.capacity = INITIAL_CAPACITY;
    this.slots = new Int32Array(INITIAL_CAPACITY * SLOT);
    this.pool = new Uint16Array(INITIAL_CAPACITY * 8);
    this.poolUsed = 0;
    this.count = 0;
  }

  /** Index in `slots` of the key's slot, or of the empty slot where it would go. */
  private find(source: string, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.capacity - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const stored = this.slots[at]!;
      if (stored === 0) return at;
      if (stored !== hash + 1 || this.slots[at + 2] !== length) continue;
      const offset = this.slots[at + 1]!;
      let i = 0;
      while (i < length && this.pool[offset + i] === source.charCodeAt(start + i)) i++;
      if (i === length) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Int32Array(this.capacity * SLOT);
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at] === 0) continue;
      let slot = (old[at]! - 1) & mask;
      while (this.slots[slot * SLOT] !== 0) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}

/** FNV-1a of source[start, end), in small-integer range. */
function hashChars(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

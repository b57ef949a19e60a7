/**
 * Text kept once however often it appears: each distinct string is stored as UTF-8 in one buffer and
 * named by a number. A directory's manager emails (and the lists of them) are mostly the same few
 * thousand strings, so a million users cost their distinct values, not their rows.
 */
function hashText(tag: number, text: string): number {
  let h = Math.imul(0x811c9dc5 ^ tag, 0x01000193);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class StringPool {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** starts[n]..starts[n + 1]: the bytes of entry n (entry 0 is unused, so 0 can mean "none"). */
  private starts = new Uint32Array(1 << 16);
  private hashes = new Uint32Array(1 << 16);
  private count = 1;
  private table = new Int32Array(1 << 17).fill(0);

  get size(): number {
    return this.count - 1;
  }

  /** The entry number of `text` under a one-character tag (its JSON type), added when new. */
  intern(tag: number, text: string): number {
    const h = hashText(tag, text);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry] === h && this.bytes[this.starts[entry]!] === tag && this.text(entry) === text)
        return entry;
      slot = (slot + 1) & mask;
    }
    const entry = this.add(tag, text, h);
    this.table[slot] = entry;
    if (this.count * 2 > this.table.length) this.rehash();
    return entry;
  }

  private add(tag: number, text: string, h: number): number {
    if (this.count + 1 >= this.starts.length) {
      const starts = new Uint32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const hashes = new Uint32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const need = this.used + 1 + text.length * 3;
    if (need > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(need, Math.ceil(this.bytes.length * 1.5)));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    const entry = this.count++;
    this.starts[entry] = this.used;
    this.bytes[this.used++] = tag;
    this.used += this.bytes.write(text, this.used, 'utf8');
    this.starts[entry + 1] = this.used;
    this.hashes[entry] = h;
    return entry;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let entry = 1; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.table = table;
  }

  tag(entry: number): number {
    return this.bytes[this.starts[entry]!]!;
  }

  /** The text of an entry, without its tag. */
  text(entry: number): string {
    return this.bytes.toString('utf8', this.starts[entry]! + 1, this.starts[entry + 1]!);
  }

  /** Done adding: the lookup table and spare room are given back. */
  seal(): void {
    this.table = new Int32Array(0);
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    this.starts = this.starts.slice(0, this.count + 1);
    this.hashes = new Uint32Array(0);
  }

  bytesUsed(): number {
    return this.used + this.starts.byteLength + this.hashes.byteLength + this.table.byteLength;
  }
}

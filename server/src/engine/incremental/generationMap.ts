/**
 * A map that forgets what recent analyses did not use. Each entry is stamped with the generation
 * that last read it; `nextGeneration()` starts a new one and, once the map has grown to twice what
 * the last generation read, drops what neither of the last two generations read. Memory stays at
 * about two documents' worth however long an editing session runs, and a read costs one lookup.
 */
export class GenerationMap<K, V> {
  private readonly entries = new Map<K, { value: V; used: number }>();
  private generation = 0;
  private readLast = 0;
  private readNow = 0;

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.used !== this.generation) {
      entry.used = this.generation;
      this.readNow++;
    }
    return entry.value;
  }

  set(key: K, value: V): this {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.used !== this.generation) this.readNow++;
    this.entries.set(key, { value, used: this.generation });
    return this;
  }

  nextGeneration(): void {
    if (this.entries.size > 2 * Math.max(this.readNow, this.readLast, 16)) {
      for (const [key, entry] of this.entries) if (entry.used < this.generation - 1) this.entries.delete(key);
    }
    this.readLast = this.readNow;
    this.readNow = 0;
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A value a GenerationMap holds carries the generation that last read it. */
export interface Stamped {
  used: number;
}

/**
 * A map that forgets what recent analyses did not use. Each value is stamped with the generation
 * that last read it; `nextGeneration()` starts a new one and, once the map has grown to twice what
 * the last generation read, drops what neither of the last two generations read. Memory stays at
 * about two documents' worth however long an editing session runs, and a read costs one lookup —
 * or none, for a value the caller already holds (`touch`).
 */
export class GenerationMap<K, V extends Stamped> {
  private readonly entries = new Map<K, V>();
  private generation = 0;
  private readLast = 0;
  private readNow = 0;

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.touch(value);
    return value;
  }

  /** Marks a value got from this map earlier as read by this generation. */
  touch(value: V): void {
    if (value.used !== this.generation) {
      value.used = this.generation;
      this.readNow++;
    }
  }

  set(key: K, value: V): this {
    const old = this.entries.get(key);
    if (old === undefined || old.used !== this.generation) this.readNow++;
    value.used = this.generation;
    this.entries.set(key, value);
    return this;
  }

  nextGeneration(): void {
    if (this.entries.size > 2 * Math.max(this.readNow, this.readLast, 16)) {
      for (const [key, value] of this.entries) if (value.used < this.generation - 1) this.entries.delete(key);
    }
    this.readLast = this.readNow;
    this.readNow = 0;
    this.generation++;
  }

  get size(): number {
    return this.entries.size;
  }
}

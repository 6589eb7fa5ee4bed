/**
 * A map that forgets what the last analysis did not use: entries live in the current generation;
 * `nextGeneration()` makes it the old one, and an old entry read again moves back. Memory stays at
 * about two documents' worth however long an editing session runs.
 */
export class GenerationMap<K, V> {
  private current = new Map<K, V>();
  private old = new Map<K, V>();

  get(key: K): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.current.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): this {
    this.current.set(key, value);
    return this;
  }

  nextGeneration(): void {
    this.old = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.old.size;
  }
}

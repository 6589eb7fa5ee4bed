import type { OutlineNode } from '../types';

/**
 * One string object per context key across the analyses of a document. A paragraph's key is then
 * the very string its record and the previous analysis hold, and comparing them costs a pointer
 * comparison instead of reading the whole key, for every paragraph after every edit.
 *
 * Keys of headings form a tree: a heading's key is found under its parent's by its kind and name.
 * A heading's name is the string its paragraph's record keeps, the same object from one analysis to
 * the next, so the lookup hashes nothing new after an edit.
 */
export class ContextKeys {
  private readonly roots = new Map<string, InternedKey>();
  private generation = 0;
  private count = 0;
  private usedLast = 0;
  private usedNow = 0;
  /** The key of each heading of the analysis being read (headings are new objects each analysis). */
  private byHeading = new WeakMap<OutlineNode, InternedKey>();

  /** Called once per analysis: once the keys have grown to twice what was used, those neither of the last two analyses used are forgotten. */
  nextGeneration(): void {
    if (this.count > 2 * Math.max(this.usedNow, this.usedLast, 16)) {
      this.count = 0;
      const prune = (children: Map<string, InternedKey>) => {
        for (const [name, child] of children) {
          if (child.used < this.generation - 1) children.delete(name);
          else {
            this.count++;
            for (const byName of child.children.values()) prune(byName);
          }
        }
      };
      prune(this.roots);
    }
    this.usedLast = this.usedNow;
    this.usedNow = 0;
    this.generation++;
    this.byHeading = new WeakMap();
  }

  /** The key of a variant (content offset and carried tense) of the context `key` gave. */
  variant(of: InternedKey, variant: string): string {
    let full = of.variants.get(variant);
    if (full === undefined) of.variants.set(variant, (full = `${of.key}\u0000${variant}`));
    return full;
  }

  /** The key of the context under the headings `above` (outermost first) within the document-level context `root`. */
  headings(root: () => string, above: readonly OutlineNode[]): InternedKey {
    let depth = above.length;
    let known: InternedKey | undefined;
    while (depth > 0 && (known = this.byHeading.get(above[depth - 1])) === undefined) depth--;
    if (known === undefined) {
      const rootKey = root();
      known = this.child(this.roots, rootKey, () => rootKey);
    }
    for (; depth < above.length; depth++) {
      const n = above[depth];
      const parent = known;
      let byName = parent.children.get(n.kind);
      if (!byName) parent.children.set(n.kind, (byName = new Map()));
      known = this.child(byName, n.name, () => `${parent.key}\u0001${n.kind}:${n.name}`);
      this.byHeading.set(n, known);
    }
    return known;
  }

  private child(children: Map<string, InternedKey>, name: string, key: () => string): InternedKey {
    let known = children.get(name);
    if (!known) {
      children.set(name, (known = { key: key(), used: -1, variants: new Map(), children: new Map() }));
      this.count++;
    }
    if (known.used !== this.generation) {
      known.used = this.generation;
      this.usedNow++;
    }
    return known;
  }
}

/** A context key, with the keys of its variants and of the headings below it. */
export interface InternedKey {
  key: string;
  /** The generation of the analysis that last used it. */
  used: number;
  variants: Map<string, string>;
  children: Map<string, Map<string, InternedKey>>;
}

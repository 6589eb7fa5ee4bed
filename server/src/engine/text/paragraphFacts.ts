import type { Paragraph } from './segment';

// What a rule of the whole document reads off each paragraph, kept with the paragraph: in an
// editor a paragraph carries the record of its text (incremental/record.ts), which outlives the
// analysis, so after an edit only the paragraphs that changed are read again. Without a record
// (a CLI run) the fact is kept with the paragraph for the one analysis.

/**
 * The fact `read` gives for `p`, from `store` when known. `read` may depend on nothing but the
 * paragraph's text: the same text gives the same record wherever it is.
 */
export function paragraphFact<T>(store: WeakMap<object, T>, p: Paragraph, read: () => T): T {
  const key = p.record ?? p;
  let fact = store.get(key);
  if (fact === undefined) store.set(key, (fact = read()));
  return fact;
}

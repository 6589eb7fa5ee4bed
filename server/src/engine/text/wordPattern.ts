// A pattern that finds where any of a list of words starts, for rules that look words up in a
// dictionary (misspellings, the model's standard phrases). Testing every character of a report in
// JavaScript is what a short CLI run cannot afford: it runs as interpreted code, while the regular
// expression engine compiles a pattern to machine code. The words go into a trie of alternations
// (案(?:列|例)) so that the engine tests each character once per branch, not once per word.

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A word ends here. */
  end: boolean;
}

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/**
 * A global pattern that matches at every offset where one of `words` starts (the longest one
 * there). To find every word, also those that start inside another match, set `lastIndex` to the
 * match's index + 1 before the next `exec`. Words are compared character by character.
 */
export function wordPattern(words: Iterable<string>): RegExp {
  const root: TrieNode = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const unit of word) {
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = alternatives(root);
  // No word at all: a pattern that never matches.
  return new RegExp(source === '' ? '[]' : source, 'g');
}

/** The pattern of the words below `node`, the longest first (a shorter word is the empty branch, last). */
function alternatives(node: TrieNode): string {
  const branches = [...node.next].map(([unit, child]) => unit.replace(SPECIAL, '\\$&') + alternatives(child));
  if (branches.length === 0) return '';
  if (node.end) branches.push('');
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

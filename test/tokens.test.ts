// The runs the rules read (han, Latin, digit, space, single marks). A paragraph is tokenized only
// when a rule reads its tokens; the rules that find words natively ask for the one token around a
// place instead (tokenAround). Both must see the same runs, or a rule's findings would depend on
// whether another rule happened to tokenize the paragraph first.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ContentParagraph } from '../server/src/engine/text/content';
import { tokenAt, TokenizedParagraph } from '../server/src/engine/text/tokens';

/** Characters of every kind, and the surrogate cases: pairs of CJK extension B, pairs that are marks (emoji), halves alone. */
const PIECES = ['发', '展', '〇', '㐀', '豈', 'a', 'Z', 'ｚ', 'Ｑ', '0', '5', '9', '０', ' ', '\u3000', '\u200b', '，', '。', '“', '%', '·', '𠀀', '𪚥', '😀', '\ud840', '\udc00', '\ud83d'];

function paragraph(text: string, start: number): TokenizedParagraph {
  const content = { start, end: start + text.length } as ContentParagraph;
  return new TokenizedParagraph(content, text);
}

describe('tokens: the token around a place', () => {
  it('is the token that tokenizing the whole paragraph puts there, for every offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), fc.nat(1000), (pieces, start) => {
        const text = pieces.join('');
        const { tokens } = paragraph(text, start);
        for (let offset = start; offset < start + text.length; offset++) {
          // A fresh paragraph each time: one that was never tokenized reads the token off the text.
          assert.deepEqual(paragraph(text, start).tokenAround(offset), tokens[tokenAt(tokens, offset)], `${JSON.stringify(text)} at ${offset - start}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('lists the same digit, Latin and space runs whether or not the paragraph was tokenized first', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, '\u2005', '\t', '\u00a0'), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const fresh = paragraph(text, 0);
        const tokenized = paragraph(text, 0);
        const { tokens } = tokenized;
        assert.deepEqual([fresh.digits, fresh.latins, fresh.spaces], [tokenized.digits, tokenized.latins, tokenized.spaces]);
        const indicesOf = (kind: string) => tokens.flatMap((t, i) => (t.kind === kind ? [i] : []));
        assert.deepEqual([tokenized.digits, tokenized.latins, tokenized.spaces], [indicesOf('digit'), indicesOf('latin'), indicesOf('space')]);
      }),
      { numRuns: 1500 },
    );
  });
});

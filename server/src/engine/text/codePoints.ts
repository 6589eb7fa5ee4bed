// Offsets are UTF-16 code units: a character outside the BMP (𠀀, U+20000) takes two. A range that
// ends or starts between the two would split the character, and an edit there leaves lone
// surrogates that no encoding can write back.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code units of the character that starts at `at` (1, or 2 for a surrogate pair). */
export function charWidthAt(text: string, at: number): 1 | 2 {
  return isHigh(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
}

/** Code units of the character that ends at `at` (1, or 2 for a surrogate pair). */
export function charWidthBefore(text: string, at: number): 1 | 2 {
  return at >= 2 && isLow(text.charCodeAt(at - 1)) && isHigh(text.charCodeAt(at - 2)) ? 2 : 1;
}

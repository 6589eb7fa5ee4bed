import type { Span } from '../types';

// Chinese is written without spaces, so an editor's "word before the cursor" is useless for it.
// Here the word is the run of CJK characters since the last punctuation mark, space or other
// script: in "加快推进，持续推" at the end it is "持续推".

/** CJK unified ideographs (BMP blocks, compatibility ideographs). */
function isCjkUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

/** A high surrogate of planes 2 and 3 (CJK extensions B–H: 𠀀 is U+20000). */
function isCjkHighSurrogate(code: number): boolean {
  return code >= 0xd840 && code <= 0xd8bf;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The run of CJK characters that ends at `offset` (UTF-16), possibly empty. */
export function cjkWordBefore(text: string, offset: number): Span & { text: string } {
  const end = Math.max(0, Math.min(offset, text.length));
  let start = end;
  while (start > 0) {
    const c = text.charCodeAt(start - 1);
    if (isCjkUnit(c)) start--;
    else if (isLowSurrogate(c) && start >= 2 && isCjkHighSurrogate(text.charCodeAt(start - 2))) start -= 2;
    else break;
  }
  return { start, end, text: text.slice(start, end) };
}

/** The character before `offset`, skipping spaces and tabs (not line breaks). */
export function markBefore(text: string, offset: number): string | null {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\u3000') continue;
    return c === '\n' || c === '\r' ? null : c;
  }
  return null;
}

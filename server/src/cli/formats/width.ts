// Terminal columns of a string: East Asian wide and full-width characters take two (UAX #11), so
// that tables of Chinese text line up. Ambiguous-width marks (“” —) count as one, as most terminals draw them.

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** `s` cut to at most `width` columns with "…" where it was cut: its end kept, or its start. */
export function truncateToWidth(s: string, width: number, keep: 'start' | 'end' = 'start'): string {
  if (displayWidth(s) <= width) return s;
  const chars = keep === 'start' ? [...s] : [...s].reverse();
  let out = '';
  let w = 0;
  for (const ch of chars) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > width - 1) break;
    out = keep === 'start' ? out + ch : ch + out;
    w += cw;
  }
  return keep === 'start' ? out + '…' : '…' + out;
}

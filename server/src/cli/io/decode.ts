// Bytes of a report → text, with the encoding guessed so users never need a flag.
// Order: BOM, binary sniffing, strict UTF-8, strict GB18030 (GBK is a subset).

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: EncodingName;
  bom: boolean;
  eol: '\n' | '\r\n' | '\r' | 'mixed' | 'none';
}

export class DecodeError extends Error {
  constructor(public reason: 'binary' | 'undecodable', message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

// Byte-order marks. GB18030 has one too (U+FEFF encoded); it is rare but cheap to honour.
const BOMS: ReadonlyArray<{ encoding: EncodingName; bytes: number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

// Only the head of a file is sniffed for control bytes: enough to tell, cheap on big files.
const SNIFF_BYTES = 64 * 1024;
// Above this share of stray C0 controls, a "text" is really a binary file.
const MAX_CONTROL_SHARE = 0.1;

export function decodeReport(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bom: false, eol: 'none' };

  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  if (bom) {
    const body = bytes.subarray(bom.bytes.length);
    const text = bom.encoding === 'gb18030' ? decodeGb18030(body) : strict(bom.encoding, body);
    if (text === undefined) {
      throw new DecodeError('undecodable', `invalid ${bom.encoding.toUpperCase()} data after the byte-order mark`);
    }
    // UTF-16 legitimately has NUL bytes, so its binary check runs on the decoded text.
    if (controlShare(text) > MAX_CONTROL_SHARE) {
      throw new DecodeError('binary', 'binary content (too many control characters)');
    }
    return { text, encoding: bom.encoding, bom: true, eol: detectEol(text) };
  }

  // Without a BOM a NUL never belongs in a report (UTF-16 without BOM is not supported).
  if (bytes.includes(0)) throw new DecodeError('binary', 'binary content (contains NUL bytes)');
  if (controlShare(bytes.subarray(0, SNIFF_BYTES)) > MAX_CONTROL_SHARE) {
    throw new DecodeError('binary', 'binary content (too many control characters)');
  }

  // UTF-8 first: GB18030 would accept many UTF-8 byte pairs and produce mojibake.
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false, eol: detectEol(utf8) };
  const gb = decodeGb18030(bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030', bom: false, eol: detectEol(gb) };
  throw new DecodeError('undecodable', 'not valid UTF-8 or GB18030 text');
}

/** Inverse of decodeReport: same encoding, same BOM, same bytes for text it produced. */
export function encodeReport(text: string, like: Pick<DecodedText, 'encoding' | 'bom'>): Buffer {
  const bom = like.bom ? Buffer.from(BOMS.find((b) => b.encoding === like.encoding)!.bytes) : Buffer.alloc(0);
  let body: Buffer;
  switch (like.encoding) {
    case 'utf-8': body = Buffer.from(text, 'utf8'); break;
    case 'utf-16le': body = Buffer.from(text, 'utf16le'); break;
    case 'utf-16be': body = Buffer.from(text, 'utf16le').swap16(); break; // Buffer has no BE codec
    case 'gb18030': body = gb18030().encodeGb18030(text); break;
  }
  return Buffer.concat([bom, body]);
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the BOM is already handled; a second U+FEFF is content and must survive.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// TextDecoder decides whether the bytes are valid GB18030; iconv-lite produces the text,
// because it is the codec encodeReport uses, so decode→encode is byte-exact. The two differ
// only on 18 two-byte codes (A6D9–A6F3, FE59–FEA0) that GB18030-2022 moved out of the
// private-use area; iconv-lite keeps the GBK/2005 mapping, which is what old files mean.
// Not round-trippable by any codec: a lone 0x80 (cp936 euro) and A3A0, which alias €/U+3000.
function decodeGb18030(bytes: Uint8Array): string | undefined {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return gb18030().decodeGb18030Bytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The GB18030 codec, loaded on first use (a separate bundle: see gb18030.ts). */
function gb18030(): typeof import('./gb18030') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./gb18030') as typeof import('./gb18030');
}

/** Share of C0 control codes other than \t \n \f \r, over bytes or UTF-16 code units. */
function controlShare(data: Uint8Array | string): number {
  if (data.length === 0) return 0;
  // A regular expression over the bytes read as Latin-1 (one character per byte) counts natively;
  // a loop over every byte costs more than decoding in a short CLI run, where it runs cold.
  const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  let controls = 0;
  for (CONTROL.lastIndex = 0; CONTROL.test(text); ) controls++;
  return controls / data.length;
}

const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/g;

function detectEol(text: string): DecodedText['eol'] {
  // Three native searches instead of a match per line break.
  const crlf = text.includes('\r\n');
  const cr = /\r(?!\n)/.test(text);
  const lf = /(?:^|[^\r])\n/.test(text);
  const kinds = Number(crlf) + Number(cr) + Number(lf);
  if (kinds > 1) return 'mixed';
  return crlf ? '\r\n' : cr ? '\r' : lf ? '\n' : 'none';
}

// GB18030 through iconv-lite, in a bundle of its own (dist/gb18030.js): its code tables are half the
// CLI's size, and a run over UTF-8 reports, the common case, should not read or compile them.
import * as iconv from 'iconv-lite';

export function decodeGb18030Bytes(bytes: Buffer): string {
  return iconv.decode(bytes, 'gb18030');
}

export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

import { spawnSync } from 'node:child_process';
// What a user of the CLI notices: reports open in whatever encoding they were saved in,
// files are written back unchanged, and operands expand to a predictable list of files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { DecodeError, DecodedText, decodeReport, encodeReport } from '../server/src/cli/io/decode';
import { expandOperands } from '../server/src/cli/io/paths';

const FIXTURES = path.join(__dirname, 'fixtures', 'encodings');
const HAILAR = '/work/shared/corpus/district-gbk/hailar_2013.txt';

function roundTrips(bytes: Uint8Array): DecodedText {
  const decoded = decodeReport(bytes);
  assert.deepEqual(encodeReport(decoded.text, decoded), Buffer.from(bytes));
  return decoded;
}

function decodeError(bytes: Uint8Array): DecodeError {
  try {
    decodeReport(bytes);
  } catch (e) {
    assert.ok(e instanceof DecodeError);
    assert.match(e.message, /^[\x20-\x7e]+$/); // short English, caller adds the file name
    return e;
  }
  assert.fail('expected a DecodeError');
}

const bytes = (...parts: (number[] | Buffer)[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));
const SAMPLE = '一、2025年工作回顾\r\n地区生产总值增长5.8%。\r\n';

describe('decodeReport', () => {
  it('reads the GBK fixture as gb18030 with CRLF, byte-exact on re-encode', () => {
    const d = roundTrips(fs.readFileSync(path.join(FIXTURES, 'gbk-crlf.txt')));
    assert.equal(d.encoding, 'gb18030');
    assert.equal(d.bom, false);
    assert.equal(d.eol, '\r\n');
    assert.ok(d.text.startsWith('二、2026年工作安排\r\n年内新增城镇就业1.2万人以上'));
  });

  it('reads UTF-8 with and without BOM, stripping the BOM from the text', () => {
    const plain = roundTrips(Buffer.from(SAMPLE, 'utf8'));
    assert.deepEqual(plain, { text: SAMPLE, encoding: 'utf-8', bom: false, eol: '\r\n' });
    const withBom = roundTrips(bytes([0xef, 0xbb, 0xbf], Buffer.from(SAMPLE, 'utf8')));
    assert.deepEqual(withBom, { text: SAMPLE, encoding: 'utf-8', bom: true, eol: '\r\n' });
  });

  it('keeps a second U+FEFF after the BOM as content', () => {
    const d = roundTrips(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], Buffer.from('x')));
    assert.equal(d.text, '\ufeffx');
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = roundTrips(bytes([0xff, 0xfe], Buffer.from(SAMPLE, 'utf16le')));
    assert.deepEqual(le, { text: SAMPLE, encoding: 'utf-16le', bom: true, eol: '\r\n' });
    const be = roundTrips(bytes([0xfe, 0xff], Buffer.from(SAMPLE, 'utf16le').swap16()));
    assert.deepEqual(be, { text: SAMPLE, encoding: 'utf-16be', bom: true, eol: '\r\n' });
  });

  it('honours the GB18030 BOM (84 31 95 33)', () => {
    const d = roundTrips(bytes([0x84, 0x31, 0x95, 0x33], iconv.encode(SAMPLE, 'gb18030')));
    assert.deepEqual(d, { text: SAMPLE, encoding: 'gb18030', bom: true, eol: '\r\n' });
  });

  it('never mistakes UTF-8 for GB18030, even when the bytes are valid in both', () => {
    const utf8 = Buffer.from('工作报告', 'utf8');
    assert.doesNotThrow(() => new TextDecoder('gb18030', { fatal: true }).decode(utf8)); // ambiguous bytes
    assert.deepEqual(decodeReport(utf8), { text: '工作报告', encoding: 'utf-8', bom: false, eol: 'none' });
  });

  it('decodes a character outside the BMP (𠀀) in UTF-8 and GB18030', () => {
    const u = roundTrips(Buffer.from('𠀀字', 'utf8'));
    assert.equal(u.text, '𠀀字');
    const g = roundTrips(bytes([0x95, 0x32, 0x82, 0x36], iconv.encode('字', 'gb18030')));
    assert.deepEqual([g.encoding, g.text], ['gb18030', '𠀀字']);
  });

  it('round-trips every encoding byte-exactly, whatever the line endings', () => {
    const text = '第一行\r\n第二行\n第三行\r末行 𠀀';
    for (const like of [
      { encoding: 'utf-8', bom: false },
      { encoding: 'utf-8', bom: true },
      { encoding: 'utf-16le', bom: true },
      { encoding: 'utf-16be', bom: true },
      { encoding: 'gb18030', bom: false },
      { encoding: 'gb18030', bom: true },
    ] as const) {
      const encoded = encodeReport(text, like);
      const d = roundTrips(encoded);
      assert.deepEqual(d, { text, ...like, eol: 'mixed' }, JSON.stringify(like));
    }
  });

  it('reports which line ending the text uses', () => {
    const eol = (s: string) => decodeReport(Buffer.from(s, 'utf8')).eol;
    assert.equal(eol('a\nb\n'), '\n');
    assert.equal(eol('a\r\nb\r\n'), '\r\n');
    assert.equal(eol('a\rb'), '\r');
    assert.equal(eol('a\r\nb\n'), 'mixed');
    assert.equal(eol('a\r\r\n'), 'mixed');
    assert.equal(eol('one line'), 'none');
  });

  it('treats empty input as empty UTF-8 text', () => {
    assert.deepEqual(decodeReport(new Uint8Array(0)), { text: '', encoding: 'utf-8', bom: false, eol: 'none' });
  });

  it('rejects binary files', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    assert.equal(decodeError(Buffer.from(png)).reason, 'binary');
    // No NUL, but mostly control bytes.
    assert.equal(decodeError(Buffer.from([0x01, 0x02, 0x41, 0x03, 0x04, 0x42, 0x1b, 0x05])).reason, 'binary');
    // UTF-16 without a BOM is indistinguishable from binary, by design.
    assert.equal(decodeError(Buffer.from('2025年报告', 'utf16le')).reason, 'binary');
  });

  it('allows the odd control byte, such as a DOS end-of-file mark', () => {
    assert.equal(decodeReport(Buffer.from('一行文字。\r\n\x1a', 'utf8')).encoding, 'utf-8');
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    assert.doesNotThrow(() => new TextDecoder('gb18030', { fatal: true }).decode(Buffer.from([0xb1, 0xa8])));
    for (const bad of [[0x81, 0x20], [0x41, 0xff, 0x42], [0x81, 0x30, 0x81]]) {
      assert.equal(decodeError(Buffer.from(bad)).reason, 'undecodable', Buffer.from(bad).toString('hex'));
    }
    // Windows-1252 Western text is not mis-read as Chinese.
    assert.equal(decodeError(iconv.encode('café naïve résumé', 'win1252')).reason, 'undecodable');
    // Invalid data after a BOM: odd-length UTF-16, broken UTF-8.
    assert.equal(decodeError(Buffer.from([0xff, 0xfe, 0x41])).reason, 'undecodable');
    assert.equal(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0xc3])).reason, 'undecodable');
  });

  it('rejects random byte soup rather than producing mojibake', () => {
    let seed = 20260101;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let n = 0; n < 200; n++) {
      const soup = Buffer.alloc(256);
      for (let i = 0; i < soup.length; i++) soup[i] = 0x20 + Math.floor(next() * 0xe0);
      assert.equal(decodeError(soup).reason, 'undecodable');
    }
  });

  it('reads the Hailar 2013 report from the shared corpus as GB18030 with CRLF', function () {
    if (!fs.existsSync(HAILAR)) this.skip();
    const d = roundTrips(fs.readFileSync(HAILAR));
    assert.equal(d.encoding, 'gb18030');
    assert.equal(d.eol, '\r\n');
    assert.ok(d.text.includes('政 府 工 作 报 告'));
  });
});

describe('expandOperands', () => {
  let root: string;
  const run = (operands: string[], extra: { extensions?: string[]; ignore?: string[] } = {}) =>
    expandOperands(operands, { cwd: root, ...extra });
  const files = (inputs: { kind: string; path?: string }[]) => inputs.map((i) => (i.kind === 'stdin' ? '-' : i.path));

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-paths-'));
    const write = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), 'x');
    };
    for (const f of [
      'a.txt', 'b.md', 'c.wr', 'notes.doc', 'README', 'Ａ.txt', '𠀀.txt',
      'sub/d.txt', 'sub/deeper/e.md', 'sub/image.png',
      'node_modules/pkg/x.txt', '.git/y.txt', '.hidden/z.txt',
    ]) write(f);
    fs.symlinkSync('..', path.join(root, 'sub', 'loop')); // sub/loop -> root: a cycle
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('expands a directory recursively, by extension, in code-point order, without looping', async () => {
    const { inputs, problems } = await run(['.']);
    // Ａ (U+FF21) sorts before 𠀀 (U+20000) by code point, though not by UTF-16 unit.
    assert.deepEqual(files(inputs), ['a.txt', 'b.md', 'c.wr', 'sub/d.txt', 'sub/deeper/e.md', 'Ａ.txt', '𠀀.txt']);
    assert.deepEqual(problems, []);
  });

  it('expands a sub-directory operand, with or without trailing slash', async () => {
    assert.deepEqual(files((await run(['sub'])).inputs), ['sub/d.txt', 'sub/deeper/e.md']);
    assert.deepEqual(files((await run(['./sub/'])).inputs), ['sub/d.txt', 'sub/deeper/e.md']);
  });

  it('takes a named file whatever its extension', async () => {
    assert.deepEqual(files((await run(['notes.doc', 'README'])).inputs), ['notes.doc', 'README']);
  });

  it('honours custom extensions and ignore patterns', async () => {
    assert.deepEqual(files((await run(['.'], { extensions: ['.DOC'] })).inputs), ['notes.doc']);
    assert.deepEqual(files((await run(['.'], { ignore: ['sub/deeper', '*.wr'] })).inputs), ['a.txt', 'b.md', 'sub/d.txt', 'Ａ.txt', '𠀀.txt']);
  });

  it('expands globs to sorted files, skipping node_modules and symlink loops', async () => {
    assert.deepEqual(files((await run(['*.{md,wr}'])).inputs), ['b.md', 'c.wr']);
    assert.deepEqual(files((await run(['**/*.txt'])).inputs), ['a.txt', 'sub/d.txt', 'Ａ.txt', '𠀀.txt']);
  });

  it('reports missing files and globs that match nothing, and keeps going', async () => {
    const { inputs, problems } = await run(['missing.txt', '*.pdf', 'a.txt']);
    assert.deepEqual(files(inputs), ['a.txt']);
    assert.deepEqual(problems, [
      { operand: 'missing.txt', reason: 'not-found' },
      { operand: '*.pdf', reason: 'no-match' },
    ]);
  });

  it('reads stdin once for "-" and drops duplicates, keeping first order', async () => {
    const { inputs } = await run(['b.md', '-', 'a.txt', './b.md', '-', '.', path.join(root, 'a.txt')]);
    assert.deepEqual(files(inputs), ['b.md', '-', 'a.txt', 'c.wr', 'sub/d.txt', 'sub/deeper/e.md', 'Ａ.txt', '𠀀.txt']);
  });

  it('keeps absolute operands absolute', async () => {
    const abs = root.split(path.sep).join('/');
    assert.deepEqual(files((await run([path.join(root, 'b.md')])).inputs), [`${abs}/b.md`]);
    assert.deepEqual(files((await run([path.join(root, 'sub')])).inputs), [`${abs}/sub/d.txt`, `${abs}/sub/deeper/e.md`]);
    assert.deepEqual(files((await run([`${abs}/*.md`])).inputs), [`${abs}/b.md`]);
  });

  it('reports an unreadable directory instead of crashing', async function () {
    const locked = path.join(root, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0);
    try {
      if (process.getuid?.() !== 0) {
        const { problems } = await run(['locked']);
        assert.deepEqual(problems, [{ operand: 'locked', reason: 'unreadable' }]);
        return;
      }
      // Root reads everything: check the same through the built CLI run as an unprivileged user.
      fs.chmodSync(root, 0o755);
      const cli = path.join(__dirname, '..', 'dist', 'cli.js');
      const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'lint', 'locked', '--lang', 'en'], {
        cwd: root, encoding: 'utf8', env: { ...process.env, HOME: root },
      });
      assert.equal(r.error, undefined, 'setpriv must be available to run this check as root');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /locked: cannot read this folder/);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmdirSync(locked);
    }
  });
});

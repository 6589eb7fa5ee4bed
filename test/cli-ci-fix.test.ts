// workreport lint --fix: only safe fixes, pass after pass, written atomically in the file's own
// encoding, BOM and line endings, byte for byte outside the fixes; then what is left is reported.
// The product's rules may have no safe fix yet, so test-only rules (cli-ci-helpers.ts) are used.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ROOT, tempDir, writeFiles } from './helpers';
import { runWith, TEST_REGISTRY } from './cli-ci-helpers';

const json = (stdout: string) => JSON.parse(stdout) as any[];

/** Encoders written here, not the CLI's, so that a shared mistake cannot hide. */
const ENCODINGS: Array<{ name: string; encode: (text: string) => Buffer }> = [
  { name: 'UTF-8', encode: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8 with BOM', encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
  { name: 'UTF-16 LE', encode: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) },
  { name: 'UTF-16 BE', encode: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]) },
  { name: 'GB18030', encode: (t) => iconv.encode(t, 'gb18030') },
];

/** A report with safe fixes (; ；； 【分段】), an unsafe one (某某) and text around them, 𠀀 included. */
function report(eol: string): { before: string; after: string } {
  const before = [
    '二、2026年工作安排',
    '（一）壮大园区经济;推动产业升级。',
    '年内入驻企业达到70家;;标准化厂房𠀀使用率达到70%左右。【分段】年内新建口袋公园8处。',
    '某某单位负责。',
    '',
  ].join(eol);
  const after = [
    '二、2026年工作安排',
    '（一）壮大园区经济；推动产业升级。',
    '年内入驻企业达到70家；标准化厂房𠀀使用率达到70%左右。',
    '年内新建口袋公园8处。',
    '某某单位负责。',
    '',
  ].join(eol);
  return { before, after };
}

describe('cli-ci: --fix', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('workreport-fix-')));
  afterEach(() => cleanup());
  const fix = (args: string[], stdin?: string | Buffer) => runWith(['lint', '--fix', ...args], { cwd: dir, rules: TEST_REGISTRY, stdin });

  for (const encoding of ENCODINGS) {
    for (const [eolName, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']]) {
      it(`${encoding.name}, ${eolName}: fixes byte-exactly, keeps the encoding, BOM and line endings, reports what is left`, async () => {
        const { before, after } = report(eol);
        writeFiles(dir, { 'r.txt': encoding.encode(before) });
        const r = await fix(['-f', 'json', 'r.txt']);
        assert.deepEqual(fs.readFileSync(path.join(dir, 'r.txt')), encoding.encode(after));
        assert.equal(r.stderr, 'workreport: applied 5 safe fixes in 1 file\n', 'three ; and a 【分段】, then the ；； they made');
        const [file] = json(r.stdout);
        assert.deepEqual(file.diagnostics.map((d: any) => [d.rule, d.range.start.line]), [['test-unsafe', 4]], 'the report is about the fixed text');
        assert.equal(r.code, 0);
        assert.deepEqual(fs.readdirSync(dir), ['r.txt'], 'no temporary file is left');

        const again = await fix(['-f', 'json', 'r.txt']);
        assert.deepEqual([again.stderr, fs.readFileSync(path.join(dir, 'r.txt'))], ['', encoding.encode(after)], 'a second --fix changes nothing');
      });
    }
  }

  it('never applies a fix its rule does not mark safe, such as the target rules', async () => {
    const text = '二、2026年工作安排\n力争入驻企业达到70，某某负责。\n';
    writeFiles(dir, { 'r.txt': text });
    const r = await fix(['-f', 'json', 'r.txt']);
    assert.equal(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), text);
    assert.deepEqual(json(r.stdout)[0].diagnostics.map((d: any) => d.rule), ['target-missing-unit', 'test-unsafe']);
    assert.deepEqual([r.code, r.stderr], [1, '']);
  });

  it('stops after a few passes when fixes never settle', async () => {
    writeFiles(dir, { 'r.txt': '甲方负责。\n' });
    const r = await fix(['-f', 'json', 'r.txt']);
    assert.equal(r.code, 0);
    assert.equal(json(r.stdout)[0].diagnostics.length, 1);
  });

  it('with "-" prints the fixed text to stdout in its own encoding, and the report to stderr or --output', async () => {
    const { before, after } = report('\r\n');
    const r = await fix(['-'], iconv.encode(before, 'gb18030'));
    assert.deepEqual(r.stdoutBytes, iconv.encode(after, 'gb18030'));
    assert.match(r.stderr, /<stdin>\n\s+5:1\s+warning\s+found “某某”\s+test-unsafe/);
    assert.equal(r.code, 0);

    const withOutput = await fix(['-', '-f', 'json', '-o', 'report.json'], before);
    assert.equal(withOutput.stdout, after);
    assert.equal(withOutput.stderr, 'workreport: applied 5 safe fixes in 1 file\n');
    assert.deepEqual(json(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].diagnostics.map((d: any) => d.rule), ['test-unsafe']);

    const untouched = await fix(['-'], '没有要修的。\n');
    assert.equal(untouched.stdout, '没有要修的。\n', 'the text is printed even when nothing was fixed');
  });

  it('says in --help that "-" with --fix prints the fixed text', async () => {
    const help = (await runWith(['lint', '--help'], { cwd: dir })).stdout;
    assert.match(help.replace(/\s+/g, ' '), /--fix .*\(stdin\) the fixed text goes to stdout/);
  });

  it('keeps permissions, and writes through a symlink to its target', async () => {
    writeFiles(dir, { 'real/r.txt': '甲;乙\n' });
    fs.chmodSync(path.join(dir, 'real/r.txt'), 0o640);
    fs.symlinkSync('real/r.txt', path.join(dir, 'link.txt'));
    const r = await runWith(['lint', '--fix', 'link.txt'], { cwd: dir, rules: [TEST_REGISTRY.find((x) => x.meta.id === 'test-semicolon')!] });
    assert.equal(r.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'real/r.txt'), 'utf8'), '甲；乙\n');
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink(), 'the link is still a link');
    assert.equal(fs.statSync(path.join(dir, 'real/r.txt')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['r.txt']);
  });

  it('leaves a GB18030 file alone when it would not re-encode byte for byte, and says so', async () => {
    // A lone 0x80 (the cp936 euro sign) decodes, but no codec writes it back as 0x80.
    const bytes = Buffer.concat([iconv.encode('推动;升级', 'gb18030'), Buffer.from([0x80]), iconv.encode('。\n', 'gb18030')]);
    writeFiles(dir, { 'r.txt': bytes });
    const r = await fix(['-f', 'json', 'r.txt']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^workreport: r\.txt: not fixed — some of its bytes would not re-encode the same in GB18030/);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'r.txt')), bytes);
    assert.deepEqual(json(r.stdout)[0].diagnostics.map((d: any) => d.rule), ['test-semicolon'], 'the report is about the file as it is');
  });

  it('names a file it cannot write, exits 2, and leaves it untouched with no temporary file', async () => {
    // The folder is read-only but the file itself is writable: writing in place would succeed,
    // an atomic write (temporary file + rename) cannot, and must leave no trace.
    const original = Buffer.from('推动;升级。\n');
    writeFiles(dir, { 'locked/r.txt': original, 'locked/ok.txt': '好的。\n' });
    fs.chmodSync(path.join(dir, 'locked/r.txt'), 0o666);
    fs.chmodSync(path.join(dir, 'locked'), 0o555);
    fs.chmodSync(dir, 0o755);
    try {
      let result: { code: number | null; stdout: string; stderr: string };
      if (process.getuid?.() === 0) {
        // Root may write anywhere: run the same CLI, with the test rules, as an unprivileged user.
        const r = spawnSync(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-r', require.resolve('tsx/cjs'), path.join(__dirname, 'cli-ci-driver.ts'), 'lint', '--fix', '-f', 'json', 'locked', '--lang', 'en'],
          { cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir, LANG: 'en_US.UTF-8' } },
        );
        assert.equal(r.error, undefined, 'setpriv must be available to run this check as root');
        result = { code: r.status, stdout: r.stdout, stderr: r.stderr };
      } else {
        result = await runWith(['lint', '--fix', '-f', 'json', 'locked'], { cwd: dir, rules: TEST_REGISTRY });
      }
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^workreport: locked\/r\.txt: cannot write \(EACCES\)$/m);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'locked/r.txt')), original);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'locked')).sort(), ['ok.txt', 'r.txt']);
      assert.deepEqual(json(result.stdout).map((f) => [f.file, f.diagnostics.map((d: any) => d.rule)]), [
        ['locked/ok.txt', []],
        ['locked/r.txt', ['test-semicolon']],
      ]);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});

describe('cli-ci: --fix with the built binary', () => {
  it('runs end to end: exit code and report follow what is left after fixing', () => {
    const { dir, cleanup } = tempDir('workreport-fix-bin-');
    try {
      const text = '二、2026年工作安排\n（一）壮大园区经济。\n力争入驻企业达到70，标准化厂房使用率达到70%左右。\n';
      writeFiles(dir, { 'r.txt': text });
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'lint', '--fix', '-f', 'json', 'r.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
      assert.equal(r.status, 1, r.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), text, 'the target rules have no safe fix');
      assert.deepEqual(json(r.stdout)[0].diagnostics.map((d: any) => d.rule), ['target-missing-unit']);
    } finally {
      cleanup();
    }
  });
});

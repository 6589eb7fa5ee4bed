// Bad files and bad settings in one run of the built CLI, as a drafter's folder may hold them: a
// PNG and a NUL-filled file named .txt, bytes no encoding reads, a file without read permission, a
// pipe, a loop of symbolic links, a folder given as --model, a broken .workreportrc.json and a model
// of another version. Each gets one line naming the file and the problem, in English and in
// Chinese; the run exits 2 and still lints every good file. Root reads anything, so as root the
// run is made as an unprivileged user (setpriv), the same way for every case.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { CLI, tempDir, writeFiles } from './helpers';

const GOOD = '二、2026年工作安排\n年内新建口袋公园8处。\n';
const NO_UNIT = '二、2026年工作安排\n力争入驻企业达到70，年内建成。\n';

function runAsUser(args: string[], cwd: string, lang: string): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', HOME: cwd };
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args]]
    : [process.execPath, [CLI, ...args]];
  const r = spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.error, undefined, asRoot ? 'setpriv must be available to run this check as root' : String(r.error));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli: bad files and bad settings in one run', function () {
  this.timeout(120000);
  let dir: string;
  let cleanup: () => void;

  before(() => {
    ({ dir, cleanup } = tempDir('workreport-bad-inputs-'));
    fs.chmodSync(dir, 0o755);
    writeFiles(dir, {
      'good.txt': GOOD,
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'nul.txt': Buffer.concat([Buffer.from('二、2026年工作安排\n'), Buffer.alloc(64)]),
      'garbled.txt': Buffer.from([0xe5, 0xb9, 0xb4, 0x41, 0xff, 0xfe, 0x42, 0x81, 0x20]),
      'locked.txt': GOOD,
      'models/old.json': JSON.stringify({ format: 'workreport-model', version: 99 }),
      'models/folder.json/readme.txt': '',
      // A broken configuration file and one naming a model of another version, each with a report.
      'broken/.workreportrc.json': '{ "rules": { "target-missing-unit": "error", }',
      'broken/r.txt': NO_UNIT,
      'oldmodel/.workreportrc.json': JSON.stringify({ model: '../models/old.json' }),
      'oldmodel/r.txt': GOOD,
    });
    for (const f of ['good.txt', 'image.txt', 'nul.txt', 'garbled.txt', 'broken/r.txt', 'oldmodel/r.txt']) fs.chmodSync(path.join(dir, f), 0o644);
    for (const d of ['broken', 'oldmodel', 'models']) fs.chmodSync(path.join(dir, d), 0o755);
    fs.chmodSync(path.join(dir, 'locked.txt'), 0);
    fs.symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    assert.equal(fifo.status, 0, 'mkfifo makes the pipe');
  });
  after(() => cleanup());

  const OPERANDS = ['good.txt', 'image.txt', 'nul.txt', 'garbled.txt', 'locked.txt', 'pipe.txt', 'loop-a.txt', 'broken', 'oldmodel'];

  it('names each bad file and its problem, exits 2, and lints every good file', () => {
    const r = runAsUser(['lint', '-f', 'json', ...OPERANDS], dir, 'en_US.UTF-8');
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(r.stderr.trim().split('\n').sort(), [
      'workreport: broken/.workreportrc.json: line 1, column 47: } expected',
      'workreport: garbled.txt: cannot decode (not UTF-8, UTF-16 or GB18030/GBK)',
      'workreport: image.txt: is a binary file, not a text report',
      'workreport: locked.txt: cannot read (EACCES: permission denied)',
      'workreport: loop-a.txt: cannot read (ELOOP: a loop of symbolic links)',
      'workreport: nul.txt: is a binary file, not a text report',
      'workreport: oldmodel/.workreportrc.json: model: model models/old.json cannot be used: model version 99 is not supported (this workreport reads version 1); retrain it with "workreport train"',
      'workreport: pipe.txt: cannot read (ENOTREG: not a regular file but a pipe, socket or device)',
    ]);
    const files = (JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string; severity: string }> }>).map((f) => [f.file, f.diagnostics.map((d) => `${d.rule}:${d.severity}`)]);
    assert.deepEqual(files, [
      ['good.txt', []],
      // The broken file's rules are lost with its syntax error: the defaults apply.
      ['broken/r.txt', ['target-missing-unit:error']],
      ['oldmodel/r.txt', []],
    ]);
  });

  it('says the same in Chinese', () => {
    const r = runAsUser(['lint', '-f', 'json', ...OPERANDS], dir, 'zh_CN.UTF-8');
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 8);
    for (const [file, words] of [
      ['image.txt', '二进制文件'],
      ['nul.txt', '二进制文件'],
      ['garbled.txt', '无法识别编码'],
      ['locked.txt', '没有读取权限'],
      ['pipe.txt', '不是普通文件'],
      ['loop-a.txt', '符号链接形成循环'],
      ['broken/.workreportrc.json', '第 1 行'],
      ['oldmodel/.workreportrc.json', '99'],
    ]) {
      assert.ok(lines.some((l) => l.includes(file) && l.includes(words)), `${file}: ${words} in\n${r.stderr}`);
    }
  });

  it('reports a folder given as --model or --config by name, and a loop of links found in a folder', () => {
    fs.symlinkSync('self.txt', path.join(dir, 'oldmodel', 'self.txt'));
    try {
      const model = runAsUser(['lint', '--model', 'models/folder.json', 'good.txt'], dir, 'en_US.UTF-8');
      assert.deepEqual([model.code, model.stderr], [2, 'workreport: model models/folder.json cannot be used: EISDIR\n']);
      const config = runAsUser(['lint', '--config', 'models', 'good.txt'], dir, 'en_US.UTF-8');
      assert.deepEqual([config.code, config.stderr.trim()], [2, 'workreport: --config models: cannot read (EISDIR: a folder)']);
      const walk = runAsUser(['lint', '-f', 'json', 'oldmodel'], dir, 'en_US.UTF-8');
      assert.equal(walk.code, 2);
      assert.match(walk.stderr, /^workreport: oldmodel\/self\.txt: cannot read \(ELOOP: a loop of symbolic links\)$/m);
      assert.deepEqual(JSON.parse(walk.stdout).map((f: { file: string }) => f.file), ['oldmodel/r.txt']);
    } finally {
      fs.unlinkSync(path.join(dir, 'oldmodel', 'self.txt'));
    }
  });
});

describe('cli: a 10 MB report', function () {
  this.timeout(180000);

  it('lints a 10 MB GBK file with CRLF and finds every planted problem, at the right line', () => {
    const { dir, cleanup } = tempDir('workreport-10mb-');
    try {
      const part = ['二、2026年工作安排', '力争入驻企业达到70，年内新建改造高标准农田15万亩。', ...Array(40).fill('坚持稳中求进工作总基调，参保率保持在95%以上。'), ''].join('\r\n');
      const parts = Math.ceil(10_000_000 / Buffer.byteLength(part, 'utf8'));
      writeFiles(dir, { 'big.txt': iconv.encode(part.repeat(parts), 'gbk') });
      assert.ok(fs.statSync(path.join(dir, 'big.txt')).size >= 6_000_000, 'GBK takes two bytes a character');
      const r = spawnSync(process.execPath, [CLI, 'lint', '-f', 'json', 'big.txt'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LANG: 'en_US.UTF-8' } });
      assert.equal(r.status, 1, r.stderr);
      const missing = (JSON.parse(r.stdout) as Array<{ diagnostics: Array<{ rule: string; range: { start: { line: number } } }> }>)[0].diagnostics.filter((d) => d.rule === 'target-missing-unit');
      assert.equal(missing.length, parts, 'one missing unit in every part');
      assert.deepEqual(missing.slice(-1).map((d) => d.range.start.line), [(parts - 1) * 42 + 1]);
    } finally {
      cleanup();
    }
  });
});

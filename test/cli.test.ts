// The command line as a reviewer uses it in a terminal or CI: the built dist/cli.js end to end
// (`npm test` builds first), and main() in-process where a fake environment is simpler.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { parseModel } from '../server/src/engine';
import { CLI, ROOT, runCli, runMain, tempDir, writeFiles, hanOutsideQuotes } from './helpers';

const FIXTURES = path.join(__dirname, 'fixtures', 'cli');
const ENCODINGS = path.join(__dirname, 'fixtures', 'encodings');
const fixture = (name: string) => path.relative(ROOT, path.join(FIXTURES, name));
const CLEAN = fixture('clean.txt');
const MISSING_UNIT = fixture('missing-unit.txt');
const MISSING_DEADLINE = fixture('missing-deadline.txt');
const CSV_QUOTING = fixture('csv-quoting.txt');

const json = (stdout: string) => JSON.parse(stdout) as any[];
const keys = (o: object) => Object.keys(o).sort();
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** Terminal columns: CJK and full-width characters take two. */
const displayWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/** RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field), records.push(record), (record = []), (field = ''), i++;
    } else field += c;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}

describe('cli: the built binary', () => {
  before(function () {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` (npm test does it first)');
  });

  describe('lint: output formats', () => {
    it('prints stylish output grouped by file: line:col, severity, message, rule id, then a summary', () => {
      const r = runCli(['lint', CLEAN, MISSING_UNIT, MISSING_DEADLINE, '--lang', 'en']);
      const lines = r.stdout.split('\n');
      assert.ok(!lines.includes(CLEAN), 'a clean file is not listed');
      const unitHeader = lines.indexOf(MISSING_UNIT);
      const deadlineHeader = lines.indexOf(MISSING_DEADLINE);
      assert.ok(unitHeader >= 0 && deadlineHeader > unitHeader, r.stdout);
      assert.match(lines[unitHeader + 1], /^\s+3:9\s+error\s+Target “入驻企业”.*\s+target-missing-unit$/);
      assert.match(lines[deadlineHeader + 1], /^\s+2:7\s+warning\s+Target “参保率”.*\s+target-missing-deadline$/);
      assert.match(r.stdout, /2 problems \(1 errors?, 1 warnings?, 0 infos?\)/);
      assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a terminal');
    });

    it('prints JSON exactly in the shape of CLI.md', () => {
      const r = runCli(['lint', '--format', 'json', MISSING_UNIT, CLEAN]);
      const files = json(r.stdout);
      assert.deepEqual(files.map((f) => f.file), [MISSING_UNIT, CLEAN]);
      for (const f of files) assert.deepEqual(keys(f), ['diagnostics', 'file']);
      assert.deepEqual(files[1].diagnostics, []);
      const [d] = files[0].diagnostics;
      assert.deepEqual(keys(d), ['fixes', 'message', 'range', 'rule', 'severity']);
      assert.deepEqual([d.rule, d.severity], ['target-missing-unit', 'error']);
      assert.match(d.message, /入驻企业/);
      assert.deepEqual(d.range, range(2, 8, 2, 10));
      assert.ok(d.fixes.length > 0);
      for (const fix of d.fixes) {
        // title and edits are the contract; a "preferred" flag is the only extra allowed.
        assert.deepEqual(keys(fix).filter((k) => k !== 'preferred'), ['edits', 'title']);
        assert.equal(typeof fix.title, 'string');
        for (const e of fix.edits) {
          assert.deepEqual(keys(e), ['newText', 'range']);
          assert.deepEqual(e.range, range(2, 10, 2, 10));
        }
      }
      assert.equal(d.fixes[0].edits[0].newText, '家');
    });

    it('writes to --output instead of stdout, with the same exit code', () => {
      const { dir, cleanup } = tempDir();
      try {
        const out = path.join(dir, 'report.json');
        const r = runCli(['lint', '--format', 'json', '--output', out, MISSING_UNIT]);
        assert.equal(r.code, 1);
        assert.equal(r.stdout, '');
        assert.equal(json(fs.readFileSync(out, 'utf8'))[0].diagnostics[0].rule, 'target-missing-unit');
        assert.deepEqual(fs.readdirSync(dir), ['report.json'], 'no temporary file is left behind');
      } finally {
        cleanup();
      }
    });
  });

  describe('lint: exit codes', () => {
    it('exits 0 on a clean file and prints nothing', () => {
      const r = runCli(['lint', CLEAN]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('exits 0 with warnings only', () => {
      assert.equal(runCli(['lint', MISSING_DEADLINE]).code, 0);
    });

    it('exits 1 when a diagnostic has error severity', () => {
      assert.equal(runCli(['lint', MISSING_UNIT, CLEAN]).code, 1);
    });

    it('stops quietly with its own exit code when the reader closes the pipe early (| head)', () => {
      const { dir, cleanup } = tempDir();
      try {
        // Far more output than a pipe holds, so the CLI is still writing when the reader has gone.
        writeFiles(dir, { 'long.txt': '入驻企业达到120。\n'.repeat(3000) });
        const full = runCli(['lint', '--format', 'json', 'long.txt'], { cwd: dir });
        assert.ok(full.stdout.length > 256 * 1024, `output of ${full.stdout.length} characters is too short to fill the pipe`);
        const cut = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" lint --format json long.txt | head -c 100 >/dev/null`], { cwd: dir, encoding: 'utf8' });
        assert.equal(cut.stderr, '', 'no stack trace on a closed pipe');
        assert.equal(cut.status, full.code);
      } finally {
        cleanup();
      }
    });

    it('exits 2 for a missing file, names it, and still reports the other files', () => {
      const r = runCli(['lint', '--format', 'json', 'no/such/report.txt', MISSING_UNIT]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no\/such\/report\.txt/);
      assert.deepEqual(json(r.stdout).map((f) => f.file), [MISSING_UNIT]);
      assert.equal(json(r.stdout)[0].diagnostics.length, 1);
    });

    it('exits 2 for a binary file and an undecodable file, naming each, and lints the rest', () => {
      const { dir, cleanup } = tempDir();
      try {
        writeFiles(dir, {
          'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
          'garbled.txt': Buffer.from([0x41, 0xff, 0x42, 0x81, 0x20, 0xfe]),
          'report.txt': fs.readFileSync(path.join(ROOT, MISSING_DEADLINE)),
        });
        const r = runCli(['lint', '--format', 'json', 'image.txt', 'garbled.txt', 'report.txt'], { cwd: dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /image\.txt.*binary/);
        assert.match(r.stderr, /garbled\.txt.*decode/);
        assert.deepEqual(json(r.stdout).map((f) => [f.file, f.diagnostics.map((d: any) => d.rule)]), [['report.txt', ['target-missing-deadline']]]);
      } finally {
        cleanup();
      }
    });

    it('exits 2 on a bad --rule: unknown rule or unknown severity', () => {
      const unknown = runCli(['lint', '--rule', 'no-such-rule=off', CLEAN]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /no-such-rule/);
      const badSeverity = runCli(['lint', '--rule', 'target-missing-unit=loud', CLEAN]);
      assert.equal(badSeverity.code, 2);
      assert.match(badSeverity.stderr, /loud/);
    });

    it('exits 2 on a bad --period', () => {
      const r = runCli(['lint', '--period', '20x6', CLEAN]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /20x6/);
    });

    it('exits 2 on an unknown option, saying which', () => {
      const r = runCli(['lint', '--frobnicate', CLEAN]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--frobnicate/);
    });

    it('exits 2 on a bad --max-warnings value', () => {
      assert.equal(runCli(['lint', '--max-warnings', 'many', CLEAN]).code, 2);
    });

    it('exits 2 and names the file when --model is not a usable model', () => {
      const { dir, cleanup } = tempDir();
      try {
        writeFiles(dir, { 'broken-model.json': '{"format": "workreport-model"' });
        const r = runCli(['lint', '--model', path.join(dir, 'broken-model.json'), path.join(ROOT, CLEAN)], { cwd: dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /broken-model\.json/);
      } finally {
        cleanup();
      }
    });
  });

  describe('lint: options', () => {
    it('--max-warnings N fails only when there are more than N warnings', () => {
      assert.equal(runCli(['lint', '--max-warnings', '1', MISSING_DEADLINE]).code, 0);
      const over = runCli(['lint', '--max-warnings', '0', MISSING_DEADLINE]);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /1 warnings? exceeds? --max-warnings 0/);
    });

    it('--quiet reports errors only, and still exits 1 on them', () => {
      const r = runCli(['lint', '--quiet', '--format', 'json', MISSING_UNIT, MISSING_DEADLINE]);
      assert.equal(r.code, 1);
      assert.deepEqual(json(r.stdout).map((f) => f.diagnostics.map((d: any) => d.severity)), [['error'], []]);
      const stylish = runCli(['lint', '--quiet', MISSING_UNIT, MISSING_DEADLINE]).stdout;
      assert.ok(!stylish.includes('target-missing-deadline') && !stylish.includes(MISSING_DEADLINE), stylish);
    });

    it('--rule id=off silences a rule and its exit code', () => {
      const r = runCli(['lint', '--rule', 'target-missing-unit=off', MISSING_UNIT]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('--rule id=error raises a warning to an error', () => {
      const r = runCli(['lint', '--rule', 'target-missing-deadline=error', '--format', 'json', MISSING_DEADLINE]);
      assert.equal(r.code, 1);
      assert.equal(json(r.stdout)[0].diagnostics[0].severity, 'error');
    });

    it('--period gives every target a deadline', () => {
      const r = runCli(['lint', '--period', '2026', MISSING_DEADLINE]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    });

    it('--deadline-scope clause asks every target for its own deadline', () => {
      const r = runCli(['lint', '--deadline-scope', 'clause', '--format', 'json', CLEAN]);
      // 8处 has 年内 in its clause; 5.5%左右 only gets it from the sentence.
      assert.deepEqual(json(r.stdout)[0].diagnostics.map((d: any) => [d.rule, d.range.start]), [['target-missing-deadline', { line: 1, character: 21 }]]);
    });
  });

  describe('targets', () => {
    it('prints the TARGETS.md JSON contract', () => {
      const r = runCli(['targets', '--format', 'json', CLEAN]);
      assert.equal(r.code, 0);
      const [file] = json(r.stdout);
      assert.equal(file.file, CLEAN);
      assert.equal(file.period, null);
      assert.equal(file.targets.length, 2);
      const [parks, unemployment] = file.targets;
      for (const k of ['indicator', 'verb', 'value', 'unit', 'qualifier', 'deadline', 'range', 'section', 'sentence', 'problems']) assert.ok(k in parks, `missing ${k}`);
      assert.deepEqual(
        [parks.indicator, parks.verb, parks.value, parks.unit, parks.qualifier, parks.deadline.text, parks.deadline.source, parks.section, parks.problems],
        ['口袋公园', '新建', '8', '处', null, '年内', 'clause', '二、2026年工作安排', []],
      );
      assert.deepEqual(parks.range, range(1, 8, 1, 10));
      assert.equal(parks.sentence, '年内新建口袋公园8处，城镇调查失业率控制在5.5%左右。');
      assert.deepEqual([unemployment.value, unemployment.unit, unemployment.qualifier, unemployment.deadline.source], ['5.5', '%', '左右', 'sentence']);
    });

    it('reports the --period in the JSON', () => {
      const [file] = json(runCli(['targets', '--format', 'json', '--period', '2026', MISSING_DEADLINE]).stdout);
      assert.match(String(file.period), /2026/);
      assert.deepEqual([file.targets[0].deadline.source, file.targets[0].problems], ['document', []]);
    });

    it('prints an aligned table with the columns of CLI.md', () => {
      const r = runCli(['targets', '--lang', 'en', CLEAN]);
      const lines = r.stdout.split('\n');
      const header = lines[0];
      const columns = ['section', 'indicator', 'value', 'unit', 'qualifier', 'deadline', 'problems'];
      const at = columns.map((c) => header.indexOf(c));
      assert.ok(at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1])), header);
      const row = lines.find((l) => l.includes('口袋公园'))!;
      assert.ok(row, r.stdout);
      // The value 8 starts under the "value" heading, counting CJK characters as two columns.
      const valueAt = row.indexOf('8', row.indexOf('口袋公园'));
      assert.equal(displayWidth(row.slice(0, valueAt)), displayWidth(header.slice(0, header.indexOf('value'))));
      assert.match(row, /处/);
      assert.match(row, /年内/);
      assert.ok(lines.some((l) => l.includes('城镇调查失业率') && l.includes('5.5') && l.includes('左右')));
    });

    it('prints CSV with a header row and RFC 4180 quoting', () => {
      const r = runCli(['targets', '--format', 'csv', '--lang', 'en', CSV_QUOTING]);
      assert.equal(r.code, 0);
      assert.ok(r.stdout.endsWith('\r\n'), 'records end with CRLF');
      const sentence = '年内建设"口袋公园"8处,新增公厕12座。';
      assert.ok(r.stdout.includes('"年内建设""口袋公园""8处,新增公厕12座。"'), 'the sentence is quoted and its quotes doubled');
      const [header, ...rows] = parseCsv(r.stdout);
      for (const c of ['section', 'indicator', 'value', 'unit', 'qualifier', 'deadline', 'problems']) assert.ok(header.includes(c), `header lacks ${c}: ${header}`);
      assert.equal(rows.length, 2);
      for (const row of rows) assert.equal(row.length, header.length);
      const col = (name: string) => header.indexOf(name);
      assert.deepEqual(rows.map((row) => [row[col('value')], row[col('unit')]]), [['8', '处'], ['12', '座']]);
      const sentenceColumn = rows[0].indexOf(sentence);
      assert.ok(sentenceColumn >= 0, `no field holds the sentence: ${JSON.stringify(rows[0])}`);
    });

    it('prints a Markdown pipe table', () => {
      const r = runCli(['targets', '--format', 'markdown', '--lang', 'en', CLEAN]);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 4, r.stdout); // header, separator, two targets
      assert.match(lines[0], /^\| .*\bindicator\b.*\bvalue\b.* \|$/);
      assert.match(lines[1], /^\|( ?:?-{3,}:? ?\|)+$/);
      const pipes = (l: string) => (l.replace(/\\\|/g, '').match(/\|/g) ?? []).length;
      for (const l of lines) assert.equal(pipes(l), pipes(lines[0]), l);
      assert.match(lines[2], /\| 口袋公园 \| 8 \| 处 \|/);
    });

    it('--problems-only lists only targets with problems', () => {
      const r = runCli(['targets', '--format', 'json', '--problems-only', CLEAN, MISSING_UNIT, MISSING_DEADLINE]);
      const files = json(r.stdout);
      assert.deepEqual(files.map((f) => f.targets.map((t: any) => [t.value, t.problems])), [
        [],
        [['70', ['target-missing-unit']]],
        [['95', ['target-missing-deadline']]],
      ]);
    });
  });

  describe('outline', () => {
    const REPORT = '2026年某区政府工作报告\n二、2026年工作安排\n（一）壮大园区经济。\n一是抓招商。年内新增入驻企业30家。二是抓服务。\n';

    it('prints JSON symbols with the kinds of the spec, nested', () => {
      const r = runCli(['outline', '--format', 'json', '-'], { input: REPORT });
      assert.equal(r.code, 0);
      const [file] = json(r.stdout);
      assert.equal(file.file, '<stdin>');
      const shape = (ss: any[]): unknown[] => ss.map((s) => [s.kind, s.name, shape(s.children)]);
      assert.deepEqual(shape(file.symbols), [
        ['title', '2026年某区政府工作报告', []],
        ['part', '二、2026年工作安排', [['section', '（一）壮大园区经济。', [['run', '一是抓招商。', []], ['run', '二是抓服务。', []]]]]],
      ]);
      for (const s of file.symbols) assert.deepEqual(keys(s).filter((k) => ['name', 'kind', 'range', 'children'].includes(k)), ['children', 'kind', 'name', 'range']);
      assert.deepEqual(file.symbols[1].range.start, { line: 1, character: 0 });
    });

    it('prints the same outline as an indented tree', () => {
      const r = runCli(['outline', '-'], { input: REPORT });
      const lines = r.stdout.split('\n').filter(Boolean);
      const partLine = lines.findIndex((l) => /part 二、2026年工作安排/.test(l));
      const sectionLine = lines.findIndex((l) => /section （一）壮大园区经济。/.test(l));
      const runLines = lines.filter((l) => /run (一|二)是/.test(l));
      assert.ok(lines.some((l) => /title 2026年某区政府工作报告/.test(l)), r.stdout);
      assert.ok(partLine >= 0 && sectionLine > partLine && runLines.length === 2, r.stdout);
      const indent = (l: string) => l.search(/[├└]/);
      assert.ok(indent(lines[sectionLine]) > indent(lines[partLine]), 'the section is indented under the part');
      for (const l of runLines) assert.ok(indent(l) > indent(lines[sectionLine]), 'runs are indented under the section');
    });
  });

  describe('inputs', () => {
    it('reads stdin for "-"', () => {
      const r = runCli(['lint', '--format', 'json', '-'], { input: '各位代表：\n参保率保持在95%以上。\n' });
      assert.equal(r.code, 0);
      assert.deepEqual(json(r.stdout).map((f) => [f.file, f.diagnostics.map((d: any) => d.range.start)]), [['<stdin>', [{ line: 1, character: 6 }]]]);
    });

    it('lints a folder recursively and a glob, in a stable order', () => {
      const { dir, cleanup } = tempDir();
      try {
        const bad = fs.readFileSync(path.join(ROOT, MISSING_UNIT));
        writeFiles(dir, { 'reports/a.txt': bad, 'reports/sub/b.md': bad, 'reports/sub/c.wr': bad, 'reports/notes.doc': bad });
        const folder = runCli(['lint', '--format', 'json', 'reports'], { cwd: dir });
        assert.equal(folder.code, 1);
        assert.deepEqual(json(folder.stdout).map((f) => f.file), ['reports/a.txt', 'reports/sub/b.md', 'reports/sub/c.wr']);
        const glob = runCli(['lint', '--format', 'json', 'reports/**/*.md'], { cwd: dir });
        assert.deepEqual(json(glob.stdout).map((f) => f.file), ['reports/sub/b.md']);
      } finally {
        cleanup();
      }
    });

    it('exits 2 for a glob that matches nothing', () => {
      const r = runCli(['lint', 'test/fixtures/cli/*.pdf']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\*\.pdf/);
    });

    it('reads the GBK/CRLF fixture with correct targets and line numbers and no problems', () => {
      const file = path.relative(ROOT, path.join(ENCODINGS, 'gbk-crlf.txt'));
      const r = runCli(['targets', '--format', 'json', file]);
      assert.equal(r.code, 0);
      const targets = json(r.stdout)[0].targets;
      assert.deepEqual(
        targets.map((t: any) => [t.value, t.unit, t.range, t.problems]),
        [
          ['1.2', '万人', range(1, 8, 1, 15), []],
          ['5.5', '%', range(1, 26, 1, 32), []],
          ['36', '个', range(2, 8, 2, 11), []],
          ['8', '处', range(2, 18, 2, 20), []],
        ],
      );
      const lint = runCli(['lint', file]);
      assert.deepEqual([lint.code, lint.stdout], [0, '']);
    });

    it('flags a missing unit in a GBK/CRLF file at the right line and character', () => {
      const file = path.relative(ROOT, path.join(ENCODINGS, 'gbk-crlf-missing-unit.txt'));
      assert.ok(!fs.readFileSync(path.join(ROOT, file)).includes(Buffer.from('入驻企业', 'utf8')), 'the fixture is not UTF-8');
      assert.equal(iconv.decode(fs.readFileSync(path.join(ROOT, file)), 'gbk').split('\r\n')[2], '力争入驻企业达到70，标准化厂房使用率达到70%左右。');
      const r = runCli(['lint', '--format', 'json', file]);
      assert.equal(r.code, 1);
      const [d] = json(r.stdout)[0].diagnostics;
      assert.deepEqual([d.rule, d.range], ['target-missing-unit', range(2, 8, 2, 10)]);
      assert.deepEqual(d.fixes[0].edits[0], { range: range(2, 10, 2, 10), newText: '家' });
      assert.match(runCli(['lint', file]).stdout, /^\s+3:9\s+error/m);
    });
  });

  describe('language', () => {
    it('--lang zh and --lang en word the same diagnostic in each language', () => {
      const zh = json(runCli(['lint', '--format', 'json', '--lang', 'zh', MISSING_DEADLINE]).stdout)[0].diagnostics[0].message;
      const en = json(runCli(['lint', '--format', 'json', '--lang', 'en', MISSING_DEADLINE]).stdout)[0].diagnostics[0].message;
      assert.ok(hanOutsideQuotes(zh), zh);
      assert.ok(!hanOutsideQuotes(en), en);
      assert.ok(zh.includes('“参保率”') && en.includes('“参保率”'));
    });

    it('picks Chinese from LANG=zh_CN.UTF-8, for messages and the summary', () => {
      const r = runCli(['lint', MISSING_DEADLINE], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.match(r.stdout, /警告/);
      assert.ok(hanOutsideQuotes(r.stdout.split('\n').find((l) => l.includes('target-missing-deadline'))!));
    });

    it('lets --lang en win over LANG=zh_CN.UTF-8', () => {
      const r = runCli(['lint', '--lang', 'en', MISSING_DEADLINE], { env: { LANG: 'zh_CN.UTF-8' } });
      assert.match(r.stdout, /warning/);
      assert.doesNotMatch(r.stdout, /警告/);
    });
  });

  describe('--version and --help', () => {
    it('prints the package version', () => {
      const r = runCli(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    });

    it('lists the commands in --help and exits 0', () => {
      const r = runCli(['--help']);
      assert.equal(r.code, 0);
      for (const c of ['lint', 'targets', 'outline', 'train']) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
    });

    it('documents the options of a command in <command> --help', () => {
      const r = runCli(['lint', '--help']);
      assert.equal(r.code, 0);
      for (const o of ['--format', '--rule', '--max-warnings', '--quiet', '--output', '--period', '--model', '--lang']) assert.ok(r.stdout.includes(o), o);
    });
  });

  describe('train', () => {
    it('writes a model that lint --model then uses', () => {
      const { dir, cleanup } = tempDir();
      try {
        // A house style that counts enterprises in 户: the trained model must suggest 户, not 家.
        writeFiles(dir, {
          'corpus/a.txt': '二、2026年工作安排\n年内新增入驻企业30户，培育规上企业12户。\n',
          'corpus/sub/b.txt': '二、2026年工作安排\n力争新增入驻企业20户，新增科技企业15户。\n',
        });
        const train = runCli(['train', 'corpus', '--out', 'house.json'], { cwd: dir });
        assert.equal(train.code, 0, train.stderr);
        const model = parseModel(fs.readFileSync(path.join(dir, 'house.json'), 'utf8'), 'house.json');
        assert.deepEqual(model.corpus.documents.map((d) => d.id), ['a.txt', 'b.txt']);
        assert.ok((model.indicatorUnits['企业']?.['户'] ?? 0) > 0);

        const report = path.join(ROOT, MISSING_UNIT);
        const house = json(runCli(['lint', '--format', 'json', '--model', 'house.json', report], { cwd: dir }).stdout)[0].diagnostics[0];
        assert.equal(house.fixes[0].edits[0].newText, '户');
        const builtIn = json(runCli(['lint', '--format', 'json', report], { cwd: dir }).stdout)[0].diagnostics[0];
        assert.equal(builtIn.fixes[0].edits[0].newText, '家');
      } finally {
        cleanup();
      }
    });

    it('exits 2 without --out, saying so', () => {
      const r = runCli(['train', 'seeds']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--out/);
    });

    it('exits 2 without any corpus path, writing nothing', () => {
      const { dir, cleanup } = tempDir();
      try {
        assert.equal(runCli(['train', '--out', 'm.json'], { cwd: dir }).code, 2);
        assert.deepEqual(fs.readdirSync(dir), []);
      } finally {
        cleanup();
      }
    });
  });
});

describe('cli: main() in-process', () => {
  it('runs lint with a fake io and returns the exit code', async () => {
    const r = await runMain(['lint', '--format', 'json', MISSING_UNIT]);
    assert.equal(r.code, 1);
    assert.equal(json(r.stdout)[0].diagnostics[0].rule, 'target-missing-unit');
  });

  it('reads stdin through io.readStdin', async () => {
    const r = await runMain(['targets', '--format', 'json', '-'], { stdin: '年内新建口袋公园8处。' });
    assert.equal(r.code, 0);
    assert.deepEqual(json(r.stdout)[0].targets.map((t: any) => [t.value, t.unit]), [['8', '处']]);
  });

  it('takes the language from LANG in io.env', async () => {
    const zh = await runMain(['lint', MISSING_DEADLINE], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /警告/);
    const en = await runMain(['lint', MISSING_DEADLINE], { env: { LANG: 'en_US.UTF-8' } });
    assert.match(en.stdout, /warning/);
    const lcAll = await runMain(['lint', MISSING_DEADLINE], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(lcAll.stdout, /警告/);
  });

  it('lints the current folder when given no paths', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFiles(dir, { 'report.txt': fs.readFileSync(path.join(ROOT, MISSING_UNIT)) });
      const r = await runMain(['lint', '--format', 'json'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.deepEqual(json(r.stdout).map((f) => f.file), ['report.txt']);
    } finally {
      cleanup();
    }
  });

  it('returns 2 for usage errors without throwing', async () => {
    assert.equal((await runMain(['lint', '--rule', 'bogus', CLEAN])).code, 2);
    assert.equal((await runMain(['no-such-command'])).code, 2);
    assert.equal((await runMain(['train', 'seeds'])).code, 2);
  });
});

// workreport lint in CI: per-folder configuration, --config and --rule, the SARIF / GitHub / JUnit
// formats read back by their consumers' rules, exit codes with every format, progress on a terminal.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type * as Sarif from 'sarif';
import { RULES, ruleDocUrl } from '../server/src/engine';
import { ROOT, runCli, tempDir, writeFiles } from './helpers';
import { runWith, TEST_REGISTRY } from './cli-ci-helpers';

const MISSING_UNIT = '二、2026年工作安排\n（一）壮大园区经济。\n力争入驻企业达到70，标准化厂房使用率达到70%左右。\n';
const MISSING_DEADLINE = '各位代表：\n参保率保持在95%以上。\n';
const CLEAN = '二、2026年工作安排\n年内新建口袋公园8处，城镇调查失业率控制在5.5%左右。\n';
const SARIF_SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const json = (stdout: string) => JSON.parse(stdout) as any[];
const rulesOf = (stdout: string) => Object.fromEntries(json(stdout).map((f) => [f.file, f.diagnostics.map((d: any) => `${d.rule}:${d.severity}`)]));

/** A temporary folder for each test, removed after it. */
function withTempDir(): { readonly dir: string } {
  const state = { dir: '' };
  let cleanup = () => {};
  beforeEach(() => ({ dir: state.dir, cleanup } = tempDir('workreport-ci-')));
  afterEach(() => cleanup());
  return state;
}

describe('cli-ci: configuration', () => {
  const tmp = withTempDir();

  it('lints each folder with its own nearest .workreportrc.json', () => {
    writeFiles(tmp.dir, {
      'county/.workreportrc.json': '// the county counts without units\n{ "rules": { "target-missing-unit": "off" } }',
      'county/report.txt': MISSING_UNIT,
      'county/town/.workreportrc.json': '{ "rules": { "target-missing-unit": "info" } }',
      'county/town/report.txt': MISSING_UNIT,
      'city/report.txt': MISSING_UNIT,
    });
    const r = runCli(['lint', '--format', 'json', '.'], { cwd: tmp.dir });
    assert.deepEqual(rulesOf(r.stdout), {
      'city/report.txt': ['target-missing-unit:error'],
      'county/report.txt': [],
      'county/town/report.txt': ['target-missing-unit:info'],
    });
    assert.equal(r.code, 1);
  });

  it('applies period and deadlineScope from the config, and command-line options over them', () => {
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "period": 2026, "deadlineScope": "document" }', 'r.txt': MISSING_DEADLINE, 'clean.txt': CLEAN });
    assert.deepEqual(rulesOf(runCli(['lint', '-f', 'json', 'r.txt'], { cwd: tmp.dir }).stdout), { 'r.txt': [] }, 'the period gives the target a deadline');
    const scoped = runCli(['lint', '-f', 'json', '--deadline-scope', 'clause', 'clean.txt'], { cwd: tmp.dir });
    assert.deepEqual(rulesOf(scoped.stdout), { 'clean.txt': ['target-missing-deadline:warning'] }, '--deadline-scope wins over the config');
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "deadlineScope": "clause" }' });
    assert.deepEqual(rulesOf(runCli(['lint', '-f', 'json', 'clean.txt'], { cwd: tmp.dir }).stdout), { 'clean.txt': ['target-missing-deadline:warning'] });
    assert.deepEqual(rulesOf(runCli(['lint', '-f', 'json', '--period', '2026', '--deadline-scope', 'document', 'clean.txt'], { cwd: tmp.dir }).stdout), { 'clean.txt': [] });
  });

  it('--config FILE replaces the search for every file, and --rule overrides both', () => {
    writeFiles(tmp.dir, {
      'a/.workreportrc.json': '{ "rules": { "target-missing-unit": "off" } }',
      'a/report.txt': MISSING_UNIT,
      'b/report.txt': MISSING_UNIT,
      'ci/relaxed.json': '{ "rules": { "target-missing-unit": "warning" } }',
    });
    const relaxed = runCli(['lint', '-f', 'json', '--config', 'ci/relaxed.json', 'a', 'b'], { cwd: tmp.dir });
    assert.deepEqual(rulesOf(relaxed.stdout), { 'a/report.txt': ['target-missing-unit:warning'], 'b/report.txt': ['target-missing-unit:warning'] });
    assert.equal(relaxed.code, 0);
    const overridden = runCli(['lint', '-f', 'json', '--rule', 'target-missing-unit=error', 'a', 'b'], { cwd: tmp.dir });
    assert.deepEqual(rulesOf(overridden.stdout), { 'a/report.txt': ['target-missing-unit:error'], 'b/report.txt': ['target-missing-unit:error'] });
    assert.equal(overridden.code, 1);
  });

  it('--rule changes the severity and keeps the options the config gives', async () => {
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "rules": { "test-options": ["warning", { "style": "half", "max": 7 }] } }', 'r.txt': '【选项】' });
    const r = await runWith(['lint', '-f', 'json', '--rule', 'test-options=error', 'r.txt'], { cwd: tmp.dir, rules: TEST_REGISTRY });
    const [d] = json(r.stdout)[0].diagnostics;
    assert.equal(d.severity, 'error');
    assert.deepEqual(JSON.parse(d.message), { style: 'half', max: 7, strict: false, allow: [] });
  });

  it('exits 2 on a missing --config file, naming it, without linting', () => {
    writeFiles(tmp.dir, { 'r.txt': MISSING_UNIT });
    const r = runCli(['lint', '--config', 'nope.json', 'r.txt'], { cwd: tmp.dir });
    assert.deepEqual([r.code, r.stdout], [2, '']);
    assert.match(r.stderr, /--config nope\.json: cannot read \(ENOENT\)/);
  });

  it('reads the model named by the config, relative to the config file', async () => {
    writeFiles(tmp.dir, {
      'corpus/a.txt': '二、2026年工作安排\n年内新增入驻企业30户，培育规上企业12户。\n',
      'corpus/b.txt': '二、2026年工作安排\n力争新增入驻企业20户，新增科技企业15户。\n',
      'team/.workreportrc.json': '{ "model": "models/house.json" }',
      'team/reports/r.txt': MISSING_UNIT,
      'other/r.txt': MISSING_UNIT,
    });
    fs.mkdirSync(path.join(tmp.dir, 'team/models'));
    assert.equal((await runWith(['train', 'corpus', '--out', 'team/models/house.json'], { cwd: tmp.dir })).code, 0);
    const r = runCli(['lint', '-f', 'json', 'team', 'other'], { cwd: tmp.dir });
    const firstFix = Object.fromEntries(json(r.stdout).map((f) => [f.file, f.diagnostics[0].fixes[0].edits[0].newText]));
    assert.deepEqual(firstFix, { 'other/r.txt': '家', 'team/reports/r.txt': '户' });
  });

  it('names the config file and key when its model cannot be used, exits 2 and lints with the default model', () => {
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "model": "missing-model.json" }', 'r.txt': MISSING_UNIT, 's.txt': MISSING_UNIT });
    const r = runCli(['lint', '-f', 'json', '.'], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), [`workreport: .workreportrc.json: model: model missing-model.json cannot be used: ENOENT`]);
    assert.deepEqual(rulesOf(r.stdout), { 'r.txt': ['target-missing-unit:error'], 's.txt': ['target-missing-unit:error'] });
    assert.equal(json(r.stdout)[0].diagnostics[0].fixes[0].edits[0].newText, '家');
  });

  it('reports a bad config once with file and key, exits 2, and lints with the rest of it', () => {
    writeFiles(tmp.dir, {
      '.workreportrc.json': '{\n  "rules": { "target-missing-unit": "eror", "target-missing-deadline": "off" }\n}\n',
      'a.txt': MISSING_UNIT + MISSING_DEADLINE,
      'b.txt': MISSING_UNIT,
    });
    const r = runCli(['lint', '-f', 'json', '.'], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.split('\n').filter(Boolean), ['workreport: .workreportrc.json: rules.target-missing-unit: "eror" is not one of off, info, warning, error']);
    assert.deepEqual(rulesOf(r.stdout), { 'a.txt': ['target-missing-unit:error'], 'b.txt': ['target-missing-unit:error'] }, 'the default severity for the bad key, the good key applied');
    const zh = runCli(['lint', '-f', 'json', '--lang', 'zh', '.'], { cwd: tmp.dir });
    assert.equal(zh.stderr.trim(), 'workreport: .workreportrc.json：rules.target-missing-unit："eror" 不是 off, info, warning, error 之一');
  });

  it('names the config file with its path from the working folder', () => {
    writeFiles(tmp.dir, { 'reports/2026/.workreportrc.json': '{ "perod": 2026 }', 'reports/2026/r.txt': CLEAN });
    const r = runCli(['lint', 'reports'], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^workreport: reports\/2026\/\.workreportrc\.json: perod: unknown setting/);
  });

  it('reads the config of the working folder for stdin', () => {
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "rules": { "target-missing-unit": "warning" } }' });
    const r = runCli(['lint', '-f', 'json', '-'], { cwd: tmp.dir, input: MISSING_UNIT });
    assert.deepEqual([r.code, rulesOf(r.stdout)], [0, { '<stdin>': ['target-missing-unit:warning'] }]);
  });

  it('skips ignorePatterns when expanding folders and globs, but lints a file named on the command line', () => {
    writeFiles(tmp.dir, {
      'reports/.workreportrc.json': '{ "ignorePatterns": ["drafts", "**/*.bak.txt"] }',
      'reports/final.txt': CLEAN,
      'reports/final.bak.txt': CLEAN,
      'reports/drafts/one.txt': CLEAN,
      'reports/county/drafts.txt': CLEAN,
    });
    const files = (args: string[]) => json(runCli(['lint', '-f', 'json', ...args], { cwd: tmp.dir }).stdout).map((f) => f.file);
    assert.deepEqual(files(['reports']), ['reports/county/drafts.txt', 'reports/final.txt']);
    assert.deepEqual(files(['reports/**/*.txt']), ['reports/county/drafts.txt', 'reports/final.txt']);
    assert.deepEqual(files(['reports/drafts/one.txt']), ['reports/drafts/one.txt']);
  });
});

describe('cli-ci: SARIF', () => {
  const tmp = withTempDir();
  let validate: ReturnType<Ajv04['compile']>;
  before(() => {
    // The schema's patterns are written for non-Unicode regular expressions.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
  });
  const sarifOf = (stdout: string) => JSON.parse(stdout) as Sarif.Log;
  const assertValid = (log: unknown) => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

  it('validates against the SARIF 2.1.0 schema and describes every rule', () => {
    writeFiles(tmp.dir, { 'reports/县 区,1.txt': MISSING_UNIT, 'reports/b.txt': MISSING_DEADLINE, 'reports/clean.txt': CLEAN });
    const r = runCli(['lint', '-f', 'sarif', 'reports', 'missing.txt'], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    const log = sarifOf(r.stdout);
    assertValid(log);
    const [run] = log.runs;
    const driver = run.tool.driver;
    assert.equal(driver.name, 'workreport');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    assert.match(driver.informationUri!, /^https:\/\//);
    assert.deepEqual(driver.rules!.map((d) => d.id), RULES.map((rule) => rule.meta.id));
    for (const [i, d] of driver.rules!.entries()) {
      assert.equal(d.helpUri, ruleDocUrl(d.id));
      assert.equal(d.shortDescription!.text, RULES[i].meta.description.en);
      assert.ok(d.fullDescription!.text.startsWith(RULES[i].meta.description.en));
      assert.equal(d.defaultConfiguration!.level, { error: 'error', warning: 'warning', info: 'note' }[RULES[i].meta.defaultSeverity]);
    }
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.results!.map((x) => [x.ruleId, x.ruleIndex, x.level, x.locations![0].physicalLocation!.artifactLocation!.uri]),
      [
        ['target-missing-deadline', 1, 'warning', 'reports/b.txt'],
        ['target-missing-unit', 0, 'error', 'reports/%E5%8E%BF%20%E5%8C%BA%2C1.txt'],
      ],
    );
    assert.equal(run.originalUriBaseIds!['%SRCROOT%'].uri, `file://${tmp.dir}/`);
    assert.equal(run.invocations![0].executionSuccessful, false);
    assert.match(run.invocations![0].toolExecutionNotifications![0].message.text!, /missing\.txt: no such file/);
  });

  it('gives 1-based regions in UTF-16 units that match the JSON ranges', () => {
    // 𠀀 is one character but two UTF-16 units: the column after it counts both.
    writeFiles(tmp.dir, { 'r.txt': '二、2026年工作安排\n（一）壮大𠀀园区经济。\n𠀀力争入驻企业达到70，标准化厂房使用率达到70%左右。\n' });
    const sarif = sarifOf(runCli(['lint', '-f', 'sarif', 'r.txt'], { cwd: tmp.dir }).stdout);
    assertValid(sarif);
    const [d] = json(runCli(['lint', '-f', 'json', 'r.txt'], { cwd: tmp.dir }).stdout)[0].diagnostics;
    const region = sarif.runs[0].results![0].locations![0].physicalLocation!.region!;
    assert.deepEqual(region, { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
    assert.deepEqual(region, { startLine: 3, startColumn: 11, endLine: 3, endColumn: 13 });
  });

  it('keeps partialFingerprints when a line is inserted above a finding, and tells identical lines apart', () => {
    const body = '二、2026年工作安排\n力争入驻企业达到70，引进企业达到70。\n力争入驻企业达到70，引进企业达到70。\n';
    writeFiles(tmp.dir, { 'r.txt': body });
    const fingerprints = () => {
      const log = sarifOf(runCli(['lint', '-f', 'sarif', 'r.txt'], { cwd: tmp.dir }).stdout);
      assertValid(log);
      return log.runs[0].results!.map((x) => ({ line: x.locations![0].physicalLocation!.region!.startLine, print: x.partialFingerprints!['workreport/v1'] }));
    };
    const before = fingerprints();
    assert.equal(before.length, 4, JSON.stringify(before));
    assert.equal(new Set(before.map((f) => f.print)).size, 4, 'every finding has its own fingerprint');
    assert.deepEqual(fingerprints(), before, 'stable across runs');
    fs.writeFileSync(path.join(tmp.dir, 'r.txt'), body.replace('\n', '\n（一）新加的一行。\n'));
    const after = fingerprints();
    assert.deepEqual(after.map((f) => f.line), before.map((f) => f.line! + 1));
    assert.deepEqual(after.map((f) => f.print), before.map((f) => f.print));
  });

  it('is valid with stdin, a file outside the working folder, and no findings', () => {
    writeFiles(tmp.dir, { 'inside/r.txt': MISSING_UNIT, 'outside/o.txt': MISSING_UNIT });
    const stdin = sarifOf(runCli(['lint', '-f', 'sarif', '-', '../outside/o.txt'], { cwd: path.join(tmp.dir, 'inside'), input: MISSING_UNIT }).stdout);
    assertValid(stdin);
    const locations = stdin.runs[0].results!.map((x) => x.locations![0].physicalLocation!.artifactLocation!);
    assert.deepEqual(locations, [{ description: { text: '<stdin>' } }, { uri: `file://${tmp.dir}/outside/o.txt` }]);
    const clean = sarifOf(runCli(['lint', '-f', 'sarif', '-'], { input: CLEAN }).stdout);
    assertValid(clean);
    assert.deepEqual(clean.runs[0].results, []);
  });
});

/** Workflow command lines read back as the runner reads them. */
function parseWorkflowCommands(stdout: string) {
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout.split('\n').filter(Boolean).map((line) => {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    assert.ok(m, `not a workflow command: ${line}`);
    const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
    return { command: m[1], props, message: unescape(m[3]) };
  });
}

describe('cli-ci: GitHub annotations', () => {
  const tmp = withTempDir();

  it('prints one ::error/::warning/::notice line per diagnostic with file, line, columns and rule', async () => {
    writeFiles(tmp.dir, { 'a.txt': MISSING_UNIT, 'b.txt': MISSING_DEADLINE, 'c.txt': '【选项】', 'clean.txt': CLEAN });
    const r = await runWith(['lint', '-f', 'github', '.'], { cwd: tmp.dir, rules: TEST_REGISTRY });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^::error file=a\.txt,line=3,col=9,endLine=3,endColumn=11,title=target-missing-unit::Target “入驻企业”: the number 70 has no unit/);
    assert.match(lines[1], /^::warning file=b\.txt,line=2,col=7,endLine=2,endColumn=12,title=target-missing-deadline::Target “参保率” has no deadline/);
    assert.match(lines[2], /^::notice file=c\.txt,line=1,col=1,endLine=1,endColumn=5,title=test-options::/);
    assert.equal(lines.length, 3);
  });

  it('escapes %, CR and LF in messages, and : and , in properties, so the runner reads them back exactly', async () => {
    writeFiles(tmp.dir, { 'a,b:c%.txt': '前文【怪】后文\n' });
    const r = await runWith(['lint', '-f', 'github', 'a,b:c%.txt'], { cwd: tmp.dir, rules: TEST_REGISTRY });
    assert.ok(r.stdout.includes('file=a%2Cb%3Ac%25.txt,'), r.stdout);
    assert.equal(r.stdout.trimEnd().split('\n').length, 1, 'a message with line breaks stays one command');
    const [annotation] = parseWorkflowCommands(r.stdout);
    assert.deepEqual(annotation, {
      command: 'warning',
      props: { file: 'a,b:c%.txt', line: '1', col: '3', endLine: '1', endColumn: '6', title: 'test-awkward' },
      message: '100% sure:\r\nline two, a:b <&> "q"\u0001',
    });
  });

  it('gives no columns to a range over several lines, as GitHub requires', async () => {
    writeFiles(tmp.dir, { 'r.txt': '第一段跨\n行结束。\n' });
    const [a] = parseWorkflowCommands((await runWith(['lint', '-f', 'github', 'r.txt'], { cwd: tmp.dir, rules: TEST_REGISTRY })).stdout);
    assert.deepEqual(a.props, { file: 'r.txt', line: '1', endLine: '2', title: 'test-multiline' });
  });

  it('annotates unreadable files and bad configs as errors', () => {
    writeFiles(tmp.dir, { '.workreportrc.json': '{ "rules": { "no-such-rule": "off" } }', 'r.txt': CLEAN });
    const r = runCli(['lint', '-f', 'github', 'r.txt', 'gone.txt'], { cwd: tmp.dir });
    assert.equal(r.code, 2);
    assert.deepEqual(parseWorkflowCommands(r.stdout), [
      { command: 'error', props: { file: 'gone.txt', title: 'workreport' }, message: 'gone.txt: no such file or folder' },
      { command: 'error', props: { file: '.workreportrc.json', title: 'workreport' }, message: '.workreportrc.json: rules.no-such-rule: there is no rule named no-such-rule' },
    ]);
  });
});

describe('cli-ci: JUnit', () => {
  const tmp = withTempDir();
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), processEntities: true, htmlEntities: true });

  it('is well-formed XML: a testsuite per file, a failing testcase per diagnostic, a passing one for a clean file', async () => {
    writeFiles(tmp.dir, { 'a.txt': MISSING_UNIT + '【怪】\n', 'clean.txt': CLEAN, 'x&y <z>.txt': MISSING_DEADLINE });
    const r = await runWith(['lint', '-f', 'junit', '.', 'gone.txt'], { cwd: tmp.dir, rules: TEST_REGISTRY });
    assert.equal(r.code, 2);
    assert.equal(XMLValidator.validate(r.stdout), true);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no character XML 1.0 forbids');
    const doc = parser.parse(r.stdout);
    const suites = doc.testsuites.testsuite as any[];
    assert.deepEqual(suites.map((s) => [s.name, s.tests, s.failures, s.errors]), [
      ['a.txt', '2', '2', '0'],
      ['clean.txt', '1', '0', '0'],
      ['x&y <z>.txt', '1', '1', '0'],
      ['workreport', '1', '0', '1'],
    ]);
    assert.deepEqual([doc.testsuites.tests, doc.testsuites.failures, doc.testsuites.errors], ['5', '3', '1']);
    const [unit, awkward] = suites[0].testcase;
    assert.deepEqual([unit.classname, unit.name, unit.line, unit.failure.type], ['a.txt', '3:9 target-missing-unit', '3', 'target-missing-unit']);
    assert.match(unit.failure.message, /^Target “入驻企业”: the number 70 has no unit/);
    assert.match(unit.failure['#text'], /docs\/rules\/target-missing-unit\.md/);
    assert.equal(awkward.failure.message, '100% sure:\r\nline two, a:b <&> "q"\ufffd', 'quotes, markup and line breaks survive; a control character becomes U+FFFD');
    assert.equal(suites[1].testcase[0].failure, undefined, 'a clean file passes');
    assert.equal(suites[2].testcase[0].classname, 'x&y <z>.txt');
    assert.match(suites[3].testcase[0].error.message, /gone\.txt: no such file/);
  });
});

describe('cli-ci: exit codes and options with every format', () => {
  const tmp = withTempDir();
  const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];
  beforeEach(() => writeFiles(tmp.dir, { 'unit.txt': MISSING_UNIT, 'deadline.txt': MISSING_DEADLINE, 'clean.txt': CLEAN }));
  const lint = (args: string[]) => runWith(['lint', ...args], { cwd: tmp.dir });

  for (const format of FORMATS) {
    it(`${format}: 0 clean or warnings only, 1 errors or too many warnings, 2 bad input or config`, async () => {
      assert.equal((await lint(['-f', format, 'clean.txt'])).code, 0);
      assert.equal((await lint(['-f', format, 'deadline.txt'])).code, 0);
      assert.equal((await lint(['-f', format, '--max-warnings', '1', 'deadline.txt'])).code, 0);
      const over = await lint(['-f', format, '--max-warnings', '0', 'deadline.txt']);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /1 warnings? exceeds? --max-warnings 0/);
      assert.equal((await lint(['-f', format, 'unit.txt', 'clean.txt'])).code, 1);
      assert.equal((await lint(['-f', format, 'unit.txt', 'missing.txt'])).code, 2);
      writeFiles(tmp.dir, { 'bad/.workreportrc.json': '{ "rules": [] }', 'bad/r.txt': CLEAN });
      assert.equal((await lint(['-f', format, 'bad/r.txt'])).code, 2);
    });

    it(`${format}: --quiet shows errors only`, async () => {
      // SARIF describes every rule in tool.driver.rules: look at its results only.
      const reported = (stdout: string) => (format === 'sarif' ? JSON.stringify((JSON.parse(stdout) as Sarif.Log).runs[0].results) : stdout);
      const loud = reported((await lint(['-f', format, 'unit.txt', 'deadline.txt'])).stdout);
      const quiet = await lint(['-f', format, '--quiet', 'unit.txt', 'deadline.txt']);
      assert.equal(quiet.code, 1);
      assert.ok(loud.includes('target-missing-deadline'), loud);
      assert.ok(!reported(quiet.stdout).includes('target-missing-deadline'), quiet.stdout);
      assert.ok(reported(quiet.stdout).includes('target-missing-unit'), quiet.stdout);
    });
  }

  it('--output writes any format to a file, with the same exit code', async () => {
    for (const format of FORMATS) {
      const r = await lint(['-f', format, '-o', `out.${format}`, 'unit.txt']);
      assert.deepEqual([r.code, r.stdout], [1, '']);
      assert.ok(fs.readFileSync(path.join(tmp.dir, `out.${format}`), 'utf8').includes('target-missing-unit'), format);
    }
  });
});

describe('cli-ci: progress on a terminal', () => {
  const tmp = withTempDir();

  it('shows one updating line on stderr for a long run when stderr is a terminal, and clears it', async () => {
    writeFiles(tmp.dir, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`r${String(i).padStart(2, '0')}.txt`, CLEAN])));
    const r = await runWith(['lint', '-f', 'json', '.'], { cwd: tmp.dir, stderrTTY: { columns: 40 } });
    assert.equal(r.code, 0);
    assert.equal(json(r.stdout).length, 60, 'stdout carries only the report');
    assert.ok(!r.stderr.includes('\n'), 'a single line, rewritten in place');
    const frames = r.stderr.split('\r\x1b[K').filter(Boolean);
    assert.ok(frames.length >= 1, JSON.stringify(r.stderr));
    for (const f of frames) assert.match(f, /^\d+\/60 r\d\d\.txt$/);
    assert.ok(frames.includes('60/60 r59.txt'), 'the last file is shown');
    assert.ok(r.stderr.endsWith('\r\x1b[K'), 'the line is cleared at the end');
  });

  it('prints nothing when stderr is not a terminal', async () => {
    writeFiles(tmp.dir, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`r${i}.txt`, CLEAN])));
    const r = await runWith(['lint', '-f', 'json', '.'], { cwd: tmp.dir });
    assert.deepEqual([r.code, r.stderr], [0, '']);
  });

  it('cuts the line to the terminal width, keeping the end of the path', async () => {
    const long = `${'很长的文件名'.repeat(10)}.txt`;
    writeFiles(tmp.dir, Object.fromEntries(Array.from({ length: 55 }, (_, i) => [`${i}${long}`, CLEAN])));
    const r = await runWith(['lint', '-f', 'json', '.'], { cwd: tmp.dir, stderrTTY: { columns: 40 } });
    for (const f of r.stderr.split('\r\x1b[K').filter(Boolean)) {
      const width = [...f].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 2 : 1), 0);
      assert.ok(width <= 39, f);
      assert.match(f, /^\d+\/55 ….*名\.txt$/);
    }
  });
});

// A real LSP client nobody here wrote: headless Neovim opens a seed report, reads the server's
// diagnostics and outline, and applies code actions through its own edit code. Skipped with a reason
// when nvim is not installed (.ci/run installs it).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, SEEDS, tempDir } from './helpers';
import { endOf, SERVER, type Position, type Range } from './lspHarness';

const SCRIPT = path.join(ROOT, 'test', 'nvim', 'lsp_client.lua');
const SEED = '000_c8354fccf835fee9.txt';
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const UNIT = 'target-missing-unit';
const DEADLINE = 'target-missing-deadline';
/** The seed is real text: besides its one missing deadline, other rules flag its half-width marks. */
const targetRules = (ds: LspDiagnostic[]) => ds.filter((d) => d.code === UNIT || d.code === DEADLINE);
const precedes = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

interface LspDiagnostic {
  code: string;
  source: string;
  message: string;
  codeDescription?: { href: string };
  range: Range;
}
interface NvimResult {
  error?: string;
  diagnostics: LspDiagnostic[];
  symbols: Array<{ name: string; detail: string; range: Range; children: string[] }>;
  fix: { title: string; code: string; before: string; after: string; remaining: number };
  target_sections: number;
  unit: { indicator: string; value: string; unit: string; edited: string; diagnostic: LspDiagnostic; actions: string[]; restored: boolean };
}

describe('lsp: Neovim as the client', function () {
  this.timeout(90000);
  let result: NvimResult;
  let report: string;

  before(function () {
    if (!hasNvim) {
      // .ci/run installs Neovim and sets WORKREPORT_REQUIRE_NVIM: there a missing nvim is a failure.
      if (process.env.WORKREPORT_REQUIRE_NVIM) throw new Error('nvim is not on PATH, but WORKREPORT_REQUIRE_NVIM is set');
      console.log('      skipped: nvim is not on PATH (apt-get install neovim; .ci/run does)');
      this.skip();
    }
    const { dir, cleanup } = tempDir('workreport-nvim-');
    try {
      const file = path.join(dir, 'ws', SEED);
      fs.mkdirSync(path.dirname(file));
      fs.copyFileSync(path.join(SEEDS, SEED), file);
      report = fs.readFileSync(file, 'utf8');
      const out = path.join(dir, 'result.json');
      const xdg = (name: string) => path.join(dir, name);
      const run = spawnSync('timeout', ['80', 'nvim', '--headless', '--clean', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${SCRIPT}`, file], {
        cwd: path.dirname(file),
        encoding: 'utf8',
        env: {
          ...process.env,
          SERVER,
          NODE: process.execPath,
          RESULT: out,
          HOME: xdg('home'),
          XDG_CONFIG_HOME: xdg('config'),
          XDG_DATA_HOME: xdg('data'),
          XDG_STATE_HOME: xdg('state'),
          XDG_CACHE_HOME: xdg('cache'),
          TMPDIR: dir,
          LANG: 'C.UTF-8',
        },
      });
      const saved = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult) : undefined;
      assert.equal(run.status, 0, `nvim exited ${run.status}: ${saved?.error ?? ''}\n${run.stderr}`);
      assert.ok(saved, 'nvim wrote its observations');
      result = saved;
    } finally {
      cleanup();
    }
  });

  it('receives diagnostics with rule ids, the source and a link to the rule', () => {
    const targets = targetRules(result.diagnostics);
    assert.deepEqual(targets.map((d) => d.code), [DEADLINE]);
    const [d] = targets;
    assert.equal(d.source, 'workreport');
    assert.match(d.codeDescription!.href, /docs\/rules\/target-missing-deadline\.md$/);
    assert.match(d.message, /^Target “参保率” has no deadline/);
    // Neovim keeps byte columns: the range survives the round trip to UTF-16 and back.
    assert.deepEqual(d.range, { start: endOf(report, '参保率保持在'), end: endOf(report, '参保率保持在95%以上') });
    assert.ok(result.diagnostics.every((x) => x.source === 'workreport' && x.codeDescription?.href.endsWith(`/docs/rules/${x.code}.md`)), 'every rule id links its page');
  });

  it('gets the outline of the report with target counts', () => {
    assert.deepEqual(result.symbols.map((s) => s.name.slice(0, 3)), ['(二)', '(三)', '(四)', '(五)', '(六)']);
    // A symbol counts the problems that start inside it, of every rule: the deadline, the marks, the ordinal.
    const [first] = result.symbols;
    const inside = result.diagnostics.filter((d) => !precedes(d.range.start, first.range.start) && precedes(d.range.start, first.range.end));
    assert.ok(inside.some((d) => d.code === DEADLINE));
    assert.equal(first.detail, `4 targets · ${inside.length} problems`);
  });

  it('applies the preferred quick fix, which inserts a deadline, and the diagnostic goes', () => {
    assert.equal(result.fix.code, DEADLINE);
    assert.match(result.fix.title, /年内/);
    const { before, after } = result.fix;
    let at = 0;
    while (at < before.length && before[at] === after[at]) at++;
    assert.equal(after.slice(at, at + 2), '年内', 'inserts 年内');
    assert.equal(after.slice(0, at) + after.slice(at + 2), before, 'and changes nothing else');
    assert.ok(after.slice(at).startsWith('年内参保率'), 'at the start of the clause that holds the target');
    assert.equal(result.fix.remaining, 0);
  });

  it('after a unit is deleted, flags the number and restores the unit with the preferred fix', () => {
    assert.ok(result.target_sections > 0);
    assert.equal(result.unit.unit, '%');
    assert.ok(!result.unit.edited.includes(`${result.unit.value}%`));
    assert.equal(result.unit.diagnostic.code, UNIT);
    assert.ok(report.split('\n')[result.unit.diagnostic.range.start.line].includes(result.unit.indicator));
    assert.ok(result.unit.actions.some((t) => t.includes('%')));
    assert.equal(result.unit.restored, true, 'the line is back as it was');
  });
});

// Every rule against its fixtures (test/rules/<id>.txt) and against the examples in its metadata,
// which docs/rules/<id>.md prints: each snippet that must raise the rule raises it at exactly the
// marked ranges, its preferred fixes give the stated text, the fixed text no longer raises the rule,
// and each snippet that must not raise it stays silent. Fixes never edit outside their diagnostic.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { RULES, analyzeReport, applyFixes, lintReport, type Diagnostic, type Rule, type RuleSetting } from '../server/src/engine';
import { FIXTURES, fixtureModel, readFixture, type FixtureCase, type FixtureSettings } from './rule-fixtures';

function lintWith(rule: Rule, text: string, settings: FixtureSettings = {}): Diagnostic[] {
  const analysis = analyzeReport(text, { model: fixtureModel(settings.model), period: settings.period, deadlineScope: settings.deadlineScope });
  const setting: RuleSetting = settings.options ? [rule.meta.defaultSeverity, settings.options] : rule.meta.defaultSeverity;
  return lintReport(analysis, { lang: 'zh', rules: { [rule.meta.id]: setting } }).filter((d) => d.rule === rule.meta.id);
}

/** The text with the preferred (first) fix of every diagnostic applied. */
function fixAll(text: string, ds: readonly Diagnostic[]): string {
  return applyFixes(text, ds.flatMap((d) => d.fixes[0]?.edits ?? [])).text;
}

const show = (text: string, ds: readonly Diagnostic[]) => JSON.stringify(ds.map((d) => text.slice(d.span.start, d.span.end)));

/** The rule's own fixes stay inside what it reports; target-missing-deadline inserts at the clause start. */
function assertFixesLocal(rule: Rule, ds: readonly Diagnostic[]): void {
  if (rule.meta.id === 'target-missing-deadline') return;
  for (const d of ds) {
    for (const f of d.fixes) {
      for (const e of f.edits) {
        assert.ok(e.span.start >= d.span.start && e.span.end <= d.span.end, `${rule.meta.id}: the fix "${f.title}" edits ${JSON.stringify(e.span)} outside ${JSON.stringify(d.span)}`);
      }
    }
  }
}

function checkFlag(rule: Rule, c: FixtureCase | { text: string; settings: FixtureSettings; expected: []; fixed?: string }): void {
  const ds = lintWith(rule, c.text, c.settings);
  assert.ok(ds.length > 0, `expected ${rule.meta.id} in: ${c.text}`);
  if (c.expected.length) {
    assert.deepEqual(ds.map((d) => d.span), c.expected, `ranges: got ${show(c.text, ds)}, marked ${JSON.stringify(c.expected.map((s) => c.text.slice(s.start, s.end)))}`);
  }
  for (const d of ds) {
    assert.equal(d.severity, rule.meta.defaultSeverity);
    assert.ok(d.message.length > 0);
    if (d.fixes.length) assert.equal(d.fixes.filter((f) => f.preferred).length, 1, `one preferred fix in ${d.message}`);
  }
  const withFixes = ds.some((d) => d.fixes.length > 0);
  if (!rule.meta.fixable) assert.ok(!withFixes, `${rule.meta.id} is not fixable but offers fixes`);
  assertFixesLocal(rule, ds);
  if (c.fixed === undefined) {
    assert.ok(!withFixes, `a case whose diagnostics have fixes states the fixed text (=>)`);
    return;
  }
  if (!withFixes) {
    // For a rule without fixes, the stated text is the hand correction: it must be clean.
    assert.deepEqual(show(c.fixed, lintWith(rule, c.fixed, c.settings)), '[]', `the corrected text still raises ${rule.meta.id}`);
    return;
  }
  const fixed = fixAll(c.text, ds);
  assert.equal(fixed, c.fixed);
  const again = lintWith(rule, fixed, c.settings);
  assert.deepEqual(show(fixed, again), '[]', `${rule.meta.id} still fires after its fixes`);
}

function checkPass(rule: Rule, c: FixtureCase): void {
  const ds = lintWith(rule, c.text, c.settings);
  assert.deepEqual(show(c.text, ds), '[]', `${rule.meta.id} must not fire: ${ds.map((d) => d.message).join(' | ')}`);
}

describe('rule fixtures', () => {
  it('every rule has a fixture file and every fixture file a rule', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
    assert.deepEqual(files, RULES.map((r) => r.meta.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const cases = readFixture(rule.meta.id);

      it('has cases that raise it and cases that must not', () => {
        assert.ok(cases.some((c) => c.kind === 'flag'), 'no flag case');
        assert.ok(cases.some((c) => c.kind === 'pass'), 'no pass case');
      });

      rule.meta.examples.forEach((ex, i) => {
        it(`documented example ${i + 1}${ex.source ? ` (${ex.source})` : ''} is flagged${ex.right !== undefined ? ' and its right form is clean' : ''}`, () => {
          checkFlag(rule, { text: ex.wrong, settings: {}, expected: [], fixed: ex.right });
        });
      });

      for (const c of cases) {
        it(`${c.kind}: ${c.title} (line ${c.line})`, () => (c.kind === 'flag' ? checkFlag(rule, c) : checkPass(rule, c)));
      }
    });
  }
});

// What must hold for ANY text the engine is given (PRODUCT.md § Reliability), checked by the fuzz
// tests in a worker thread (engineWorker.ts) so that a hang fails one case instead of the suite.
// Each check throws an AssertionError that says which invariant broke.
import { strict as assert } from 'node:assert';
import { analyzeReport, applyFixes, lintReport, RULES, type Diagnostic, type Model, type OutlineNode, type Span, type TextEdit } from '../../server/src/engine';
import { applySafeFixes, MAX_FIX_PASSES } from '../../server/src/cli/fix';

function assertSpan(span: Span, text: string, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: ${JSON.stringify(span)} is not a well-ordered range inside a text of ${text.length}`,
  );
  // A boundary between the two halves of a surrogate pair (𠀀) would split a character: an edit
  // there leaves lone surrogates that no encoding writes back.
  for (const at of [span.start, span.end]) {
    const splits = at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
    assert.ok(!splits, `${what}: ${JSON.stringify(span)} splits the character at ${at - 1}`);
  }
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkOutline(nodes: readonly OutlineNode[], parent: OutlineNode | null, text: string): void {
  let previousEnd = -1;
  for (const n of nodes) {
    assertSpan(n.span, text, `outline ${n.kind} "${n.name}"`);
    assertSpan(n.nameSpan, text, `outline name "${n.name}"`);
    assert.ok(n.span.start <= n.nameSpan.start && n.nameSpan.end <= n.span.end, `heading "${n.name}" lies outside its own section`);
    if (n.markerSpan) assert.ok(n.nameSpan.start <= n.markerSpan.start && n.markerSpan.end <= n.nameSpan.end, `ordinal of "${n.name}" outside its heading`);
    if (parent) assert.ok(parent.span.start <= n.span.start && n.span.end <= parent.span.end, `"${n.name}" is not inside its parent "${parent.name}"`);
    assert.ok(n.span.start >= previousEnd, `siblings overlap at "${n.name}"`);
    previousEnd = n.span.end;
    checkOutline(n.children, n, text);
  }
}

/** The text outside `edits` (as applyFixes applies them: overlapping ones skipped) is unchanged, in order. */
export function checkOutsideUnchanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let from = 0; // in `before`
  let at = 0; // in `after`
  for (const e of sorted) {
    if (e.span.start < from) continue;
    const kept = before.slice(from, e.span.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before the edit at ${e.span.start} changed`);
    assert.equal(after.slice(at + kept.length, at + kept.length + e.newText.length), e.newText, `the edit at ${e.span.start} was not applied as given`);
    at += kept.length + e.newText.length;
    from = e.span.end;
  }
  assert.equal(after.slice(at), before.slice(from), 'text after the last edit changed');
}

const chosen = (d: Diagnostic) => d.fixes.find((f) => f.preferred) ?? d.fixes[0];
const SAFE = new Set(RULES.filter((r) => r.meta.safeFix).map((r) => r.meta.id));

/** Every invariant over one text; `fixes: false` skips the fix passes (for the 10 MB inputs). */
export function checkDocument(text: string, model: Model, options: { fixes?: boolean } = {}): void {
  const analysis = analyzeReport(text, { model });
  const diagnostics = lintReport(analysis, { lang: 'zh' });
  lintReport(analysis, { lang: 'en' });
  const { lines } = analysis;

  checkOutline(analysis.outline, null, text);
  for (const t of analysis.targets) {
    assertSpan(t.span, text, 'target');
    assertSpan(t.valueSpan, text, 'target value');
    assert.ok(t.span.start <= t.valueSpan.start && t.valueSpan.end <= t.span.end, 'a target range does not cover its value');
    assert.ok(t.valueSpan.end > t.valueSpan.start, 'a target with an empty value');
  }
  for (const d of diagnostics) {
    assertSpan(d.span, text, `diagnostic ${d.rule}`);
    // Offsets → LSP positions → offsets is the identity: \r\n counts once, UTF-16 code units.
    assert.deepEqual(lines.spanOf(lines.rangeOf(d.span)), d.span, `diagnostic ${d.rule} does not survive the position round trip`);
    for (const r of d.related ?? []) assertSpan(r.span, text, `related information of ${d.rule}`);
    for (const f of d.fixes) {
      for (const e of f.edits) {
        assertSpan(e.span, text, `fix of ${d.rule}`);
        assert.deepEqual(lines.spanOf(lines.rangeOf(e.span)), e.span, `fix of ${d.rule} does not survive the position round trip`);
      }
    }
  }

  if (options.fixes === false) return;
  // One pass of every preferred fix, safe or not: only the text inside the fix ranges changes.
  const edits = diagnostics.flatMap((d) => chosen(d)?.edits ?? []);
  const once = applyFixes(text, edits).text;
  checkOutsideUnchanged(text, once, edits);

  // --fix: safe fixes, pass after pass, until nothing applies; fixing the result again changes nothing.
  if (diagnostics.some((d) => SAFE.has(d.rule) && chosen(d))) {
    const lint = (t: string) => {
      const a = analyzeReport(t, { model });
      return { analysis: a, diagnostics: lintReport(a) };
    };
    const first = applySafeFixes(text, 'mixed', lint, RULES);
    const second = applySafeFixes(first.text, 'mixed', lint, RULES);
    assert.equal(second.text, first.text, `fixing twice differs from fixing once (${second.applied} more fixes applied; passes are capped at ${MAX_FIX_PASSES})`);
  }
}

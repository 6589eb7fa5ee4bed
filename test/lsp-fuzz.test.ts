// The language server under random editing, through the real protocol (test/lspHarness.ts): for
// generated documents and bursts of generated edits, the server never dies, never logs a failed
// feature, and every range it sends — published diagnostics for each version, symbols, folding,
// targets, code actions, hover — lies inside the text of the version it is about. A few hundred
// edits in `npm test`; FUZZ_RUNS=N runs N/20 documents.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LineIndex, type Position, type Range } from '../server/src/engine';
import { documentArb, insertionArb } from './fuzz/documents';
import { applyEdits, LspTestClient } from './lspHarness';

const SESSIONS = process.env.FUZZ_RUNS ? Math.ceil(Number(process.env.FUZZ_RUNS) / 20) : 100;

/** An edit as generated: where (fractions of the text, so it fits whatever the text has become) and what. */
interface GeneratedEdit {
  from: number;
  length: number;
  text: string;
  /** Wait for this version's diagnostics before the next edit, instead of typing on. */
  pause: boolean;
}
const editArb: fc.Arbitrary<GeneratedEdit> = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.nat(8), fc.nat(400)),
  text: fc.oneof(insertionArb, fc.constant('')),
  pause: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
});

/** A position an editor could send: never between the \r and \n of a CRLF. */
function positionAt(text: string, lines: LineIndex, offset: number): Position {
  if (offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n') offset--;
  return lines.positionAt(offset);
}

function assertInside(range: Range, lines: LineIndex, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: ${JSON.stringify(range)}`);
    assert.ok(p.line < lines.lineCount, `${what}: line ${p.line} of ${lines.lineCount} lines`);
    const length = lines.lineEnd(p.line) - lines.lineStarts[p.line];
    assert.ok(p.character <= length, `${what}: character ${p.character} past the end of line ${p.line} (${length})`);
  }
  const order = (p: Position) => p.line * 1e9 + p.character;
  assert.ok(order(range.start) <= order(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

describe('lsp: random edits through the protocol (fuzz)', function () {
  this.timeout(600000);
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client.kill());

  it(`${SESSIONS} documents opened, edited in bursts and closed: the server stays up and every range fits its version`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(documentArb(60), fc.array(editArb, { minLength: 1, maxLength: 15 }), async (initial, edits) => {
        const uri = `untitled:fuzz-${n++}`;
        const texts = new Map<number, string>([[1, initial]]);
        let text = initial;
        let version = 1;
        client.open(uri, text);
        for (const e of edits) {
          const lines = new LineIndex(text);
          const from = Math.floor(e.from * text.length);
          const range = { start: positionAt(text, lines, from), end: positionAt(text, lines, Math.min(text.length, from + e.length)) };
          text = applyEdits(text, [{ range, newText: e.text }]);
          texts.set(++version, text);
          client.change(uri, version, [{ range, text: e.text }]);
          if (e.pause) await client.diagnosticsFor(uri, version);
        }
        await client.diagnosticsFor(uri, version);

        const lines = new LineIndex(text);
        const whole: Range = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
        const somewhere = positionAt(text, lines, Math.floor(text.length / 2));
        const [symbols, folding, targets, actions] = await Promise.all([
          client.request<Array<{ range: Range; selectionRange: Range; children?: unknown[] }>>('textDocument/documentSymbol', { textDocument: { uri } }),
          client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri } }),
          client.request<{ sections: Array<{ range: Range | null; targets: Array<{ range: Range }> }> } | null>('workreport/targets', { textDocument: { uri } }),
          client.request<Array<{ edit?: { documentChanges?: Array<{ edits: Array<{ range: Range }> }> } }>>('textDocument/codeAction', {
            textDocument: { uri },
            range: whole,
            context: { diagnostics: client.lastPublished(uri)!.diagnostics },
          }),
          client.request('textDocument/hover', { textDocument: { uri }, position: somewhere }),
          client.request('textDocument/completion', { textDocument: { uri }, position: somewhere }),
        ]);

        for (const p of client.published.filter((x) => x.uri === uri && x.version !== undefined)) {
          const at = new LineIndex(texts.get(p.version!)!);
          for (const d of p.diagnostics) {
            assertInside(d.range, at, `diagnostic ${d.code} of version ${p.version}`);
            for (const r of d.relatedInformation ?? []) assertInside(r.location.range, at, `related information of ${d.code}`);
          }
        }
        const visit = (s: { range: Range; selectionRange: Range; children?: unknown[] }) => {
          assertInside(s.range, lines, 'symbol');
          assertInside(s.selectionRange, lines, 'symbol name');
          (s.children as (typeof s)[] | undefined)?.forEach(visit);
        };
        symbols.forEach(visit);
        for (const f of folding) assert.ok(f.startLine <= f.endLine && f.endLine < lines.lineCount, `folding ${JSON.stringify(f)}`);
        for (const s of targets?.sections ?? []) {
          if (s.range) assertInside(s.range, lines, 'target section');
          for (const t of s.targets) assertInside(t.range, lines, 'target');
        }
        for (const a of actions) for (const c of a.edit?.documentChanges ?? []) for (const e of c.edits) assertInside(e.range, lines, 'code action edit');

        client.notify('textDocument/didClose', { textDocument: { uri } });
        assert.equal(client.proc.exitCode, null, 'the server is still running');
        assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'no feature failed');
      }),
      { numRuns: SESSIONS },
    );
    // Still answering after everything.
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:closed' } }), []);
  });
});

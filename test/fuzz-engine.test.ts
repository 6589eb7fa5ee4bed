// Property tests of the engine over generated documents (test/fuzz/documents.ts): report text
// mixed with every GB/T 15834 mark, lone surrogates, NUL, BOM, zero-width characters and CR/LF/CRLF
// mixtures or CR-only files. Every invariant of test/fuzz/invariants.ts must hold for each, and
// each must finish within a generous deadline (a worker thread is stopped on a hang). Thousands of
// cases in `npm test`; FUZZ_RUNS=20000 npx mocha test/fuzz-engine.test.ts for a longer run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { documentArb, GBT15834_MARKS, INVISIBLES, withLineEndings, type LineEndings } from './fuzz/documents';
import { EngineWatchdog } from './fuzz/watchdog';
import { SEEDS } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
/** Per input: a small document takes milliseconds; only a loop comes near this. */
const CASE_DEADLINE_MS = 20000;

/** Lines of the seed reports, cut, spliced and sprinkled with marks: real rule material, damaged. */
const seedLines = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).flatMap((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8').split('\n'));
const damagedReportArb = fc
  .tuple(
    fc.array(
      fc.tuple(fc.nat(seedLines.length - 1), fc.nat(), fc.nat(), fc.constantFrom(...GBT15834_MARKS, ...INVISIBLES, '', '', '\r', '𠀀')),
      { minLength: 1, maxLength: 12 },
    ),
    fc.constantFrom<LineEndings>('\n', '\r\n', '\r', 'mixed'),
  )
  .map(([picks, eol]) =>
    withLineEndings(
      picks
        .map(([line, a, b, mark]) => {
          const s = seedLines[line];
          const [from, to] = [a % (s.length + 1), b % (s.length + 1)].sort((x, y) => x - y);
          return s.slice(0, from) + mark + s.slice(to);
        })
        .join('\n'),
      eol,
    ),
  );

describe('engine: generated documents (property tests)', function () {
  // A whole property's time: thousands of cases of a few milliseconds each, on a busy machine.
  this.timeout(600000);
  const watchdog = new EngineWatchdog();
  after(() => watchdog.stop());

  const holds = (arb: fc.Arbitrary<string>, numRuns: number) =>
    fc.assert(fc.asyncProperty(arb, (text) => watchdog.check(text, CASE_DEADLINE_MS)), { numRuns });

  it('generated text: no exception or hang; ranges inside and ordered; outline nested; targets cover their values; fixes local and idempotent', () =>
    holds(documentArb(), RUNS));

  it('seed report lines cut and spliced, in every line ending: the same invariants', () => holds(damagedReportArb, Math.ceil(RUNS / 2)));

  it('only line breaks, marks and invisible characters', () =>
    holds(fc.array(fc.constantFrom('\r', '\n', '\r\n', ...GBT15834_MARKS, ...INVISIBLES), { maxLength: 200 }).map((p) => p.join('')), Math.ceil(RUNS / 4)));

  // What fuzzing found, kept as fixed cases (docs/reliability.md, "What fuzzing found").
  it('the inputs fuzzing found: a paragraph broken after 𠀀; a run opening inside a standalone lead', async () => {
    const brokenAfterAstral = '某市政府工作报告\n二、2026年工作安排\n发展优质均衡教育。围绕办好人民满意教育，深入实施义务教育教学质量提升三年攻坚行动计划𠀀\n的运营管理，提升服务水平。';
    for (const text of [brokenAfterAstral, '。\r:二要新增', '。\n：二要新增']) await watchdog.check(text, CASE_DEADLINE_MS);
  });

  it('a 1 MB line, a 10 MB file and a CR-only 2 MB file: the same invariants, the fixes aside', async () => {
    const line = '力争新增城镇就业3.8万人以上,'.repeat(70000);
    const part = '二、2026年工作安排\n' + '年内新建改造高标准农田15万亩，参保率保持在95%以上。\n'.repeat(20);
    const big = part.repeat(Math.ceil(10_000_000 / Buffer.byteLength(part)));
    for (const text of [line, big, withLineEndings(big.slice(0, 2_000_000), '\r')]) await watchdog.check(text, 300000, { fixes: false });
  });
});

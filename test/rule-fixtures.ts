// Reading the rule fixtures of test/rules/<id>.txt (markdownlint-style: small snippets with their
// expectations written beside them). A file holds cases:
//
//   # flag: what the case shows            a snippet that must raise the rule
//   @ {"options": {"joiner": "～"}}         optional: rule options, period, deadlineScope, model
//   力争增长⟦4.5-5%⟧。                        ⟦…⟧ marks each range the rule must report, exactly
//   => 力争增长4.5%—5%。                      the text after applying the preferred fixes
//
//   # pass: what the case shows             a snippet on which the rule must stay silent
//   2026年1月14日召开。
//
// A snippet may run over several lines (headings, paragraphs); "=>" starts the fixed text, which runs
// to the next case. "model" names a folder of test/rules/models/ to train the model from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trainModel, type DeadlineSource, type Model, type Span } from '../server/src/engine';
import { seedModel } from './helpers';

export const FIXTURES = path.join(__dirname, 'rules');
export const MODEL_FIXTURES = path.join(FIXTURES, 'models');

export interface FixtureSettings {
  options?: Record<string, unknown>;
  period?: string;
  deadlineScope?: DeadlineSource;
  /** A folder of test/rules/models/ whose documents the model is trained from. */
  model?: string;
}

export interface FixtureCase {
  kind: 'flag' | 'pass';
  title: string;
  /** Line of the case header in the fixture file (1-based), for messages. */
  line: number;
  settings: FixtureSettings;
  /** The snippet without the ⟦⟧ marks. */
  text: string;
  /** The ranges between ⟦ and ⟧, in the unmarked text; empty when the case marks none. */
  expected: Span[];
  fixed?: string;
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** The snippet without marks, and the marked spans (offsets in the unmarked text). */
export function unmark(marked: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let open: number | null = null;
  for (const c of marked) {
    if (c === OPEN) {
      if (open !== null) throw new Error(`nested ${OPEN} in ${marked}`);
      open = text.length;
    } else if (c === CLOSE) {
      if (open === null) throw new Error(`${CLOSE} without ${OPEN} in ${marked}`);
      spans.push({ start: open, end: text.length });
      open = null;
    } else text += c;
  }
  if (open !== null) throw new Error(`${OPEN} without ${CLOSE} in ${marked}`);
  return { text, spans };
}

export function parseFixture(source: string, file: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let current: { kind: 'flag' | 'pass'; title: string; line: number; settings: FixtureSettings; body: string[]; fixed: string[] | null } | null = null;
  const finish = () => {
    if (!current) return;
    const trim = (ls: string[]) => {
      const copy = [...ls];
      while (copy.length && copy[copy.length - 1].trim() === '') copy.pop();
      return copy.join('\n');
    };
    const body = trim(current.body);
    if (body === '') throw new Error(`${file}:${current.line}: the case has no text`);
    const { text, spans } = unmark(body);
    if (current.kind === 'pass' && spans.length) throw new Error(`${file}:${current.line}: a pass case marks no ranges`);
    cases.push({
      kind: current.kind,
      title: current.title,
      line: current.line,
      settings: current.settings,
      text,
      expected: spans,
      ...(current.fixed ? { fixed: trim(current.fixed) } : {}),
    });
    current = null;
  };
  lines.forEach((line, i) => {
    const header = /^# (flag|pass): (.+)$/.exec(line);
    if (header) {
      finish();
      current = { kind: header[1] as 'flag' | 'pass', title: header[2].trim(), line: i + 1, settings: {}, body: [], fixed: null };
      return;
    }
    if (!current) {
      if (line.trim() !== '' && !line.startsWith('//')) throw new Error(`${file}:${i + 1}: text before the first case`);
      return;
    }
    if (current.body.length === 0 && current.fixed === null && line.startsWith('@ ')) {
      current.settings = JSON.parse(line.slice(2)) as FixtureSettings;
      return;
    }
    if (line.startsWith('=> ') || line === '=>') {
      current.fixed = [line.slice(3)];
      return;
    }
    (current.fixed ?? current.body).push(line);
  });
  finish();
  return cases;
}

export function readFixture(rule: string): FixtureCase[] {
  const file = path.join(FIXTURES, `${rule}.txt`);
  return parseFixture(fs.readFileSync(file, 'utf8'), path.relative(path.join(__dirname, '..'), file));
}

const trained = new Map<string, Model>();
/** The model a case asks for: one trained from a folder of test/rules/models/, else the seed model. */
export function fixtureModel(name?: string): Model {
  if (!name) return seedModel();
  let model = trained.get(name);
  if (!model) {
    const dir = path.join(MODEL_FIXTURES, name);
    const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    model = trainModel(docs);
    trained.set(name, model);
  }
  return model;
}

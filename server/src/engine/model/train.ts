import { BASE_UNITS, BASE_VERBS, IDENTIFIER_SUFFIXES, MAGNITUDES, POST_QUALIFIERS, PRE_QUALIFIERS } from './baseLexicon';
import { DocCounter, PairCounter } from './counter';
import { lexiconOf } from './lexicon';
import { minePhrases } from './phrases';
import { indicatorHeads } from './rankUnits';
import { MODEL_FORMAT, MODEL_VERSION, type Model } from './types';
import { LineIndex } from '../text/lineIndex';
import { segmentParagraphs } from '../text/segment';
import { buildStructure } from '../structure/outline';
import { extractTargets } from '../targets/extract';
import { scanQuantities } from '../targets/quantities';
import { deadlinePattern, findTimeExpressions } from '../targets/timeExpressions';
import type { OutlineNode } from '../types';

// node:crypto is required where it is used, not at the top: loading it is a tenth of a short CLI run.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const crypto = (): typeof import('node:crypto') => require('node:crypto');

export interface TrainingDocument {
  id: string;
  text: string;
}

const MAGNITUDE_PREFIX = new RegExp(`^(?:${MAGNITUDES.join('|')})(?=.)`);

/** A learned measure word must follow numbers this often, in this many documents. */
const LEARNED_UNIT_MIN_COUNT = 3;
const MIN_DOCS = 2;
/** Characters after a number that are never measure words. */
const NOT_UNITS = /[的和及与或、，。；：“”《》（）()\s年月日号届次第是在为了将把对从向到至等]/;

/** The starting model: the base lexicon with no counts. */
export function baseModel(): Model {
  const counted = (text: string) => ({ text, count: 0, docs: 0 });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    corpus: { documents: [], chars: 0 },
    magnitudes: [...MAGNITUDES],
    units: BASE_UNITS.map((text) => ({ ...counted(text), learned: false })),
    indicatorUnits: {},
    verbUnits: {},
    verbs: BASE_VERBS.map(counted),
    qualifiers: [
      ...PRE_QUALIFIERS.map((text) => ({ ...counted(text), position: 'before' as const })),
      ...POST_QUALIFIERS.map((text) => ({ ...counted(text), position: 'after' as const })),
    ],
    deadlines: [],
    headings: [],
    phrases: [],
    reduplications: [],
    latinTokens: [],
    identifierSuffixes: [...IDENTIFIER_SUFFIXES],
  };
}

/** Mines a corpus into a model. Same documents → same model, byte for byte. */
export function trainModel(input: readonly TrainingDocument[]): Model {
  const docs = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const base = baseModel();
  const learned = learnUnits(docs, base);
  const model: Model = { ...base, units: [...base.units, ...learned] };
  const lex = lexiconOf(model);

  const units = new DocCounter();
  const verbs = new DocCounter();
  const qualifiers = new DocCounter();
  const deadlines = new DocCounter();
  const headings = new DocCounter();
  const redup = new DocCounter();
  const latin = new DocCounter();
  const indicatorUnits = new PairCounter();
  const verbUnits = new PairCounter();

  docs.forEach((doc, d) => {
    const lines = new LineIndex(doc.text);
    const paragraphs = segmentParagraphs(doc.text, lines.lineStarts);
    const structure = buildStructure(paragraphs);
    const targets = extractTargets({ text: doc.text, paragraphs, structure, lex, period: null, deadlineScope: 'document', includeReview: true });
    for (const t of targets) {
      if (!t.unit || t.unitMissing) continue;
      const unit = t.unit === '％' ? '%' : t.unit;
      // 4.4万人 counts for 人: the lexicon lists units without their magnitude.
      units.add(unit.replace(MAGNITUDE_PREFIX, ''), d);
      if (t.verb) {
        verbs.add(t.verb, d);
        verbUnits.add(t.verb, unit);
      }
      if (t.qualifier) qualifiers.add(t.qualifier, d);
      for (const head of indicatorHeads(t.indicator).filter((h) => h.length <= 2)) indicatorUnits.add(head, unit);
    }
    for (const p of paragraphs) {
      for (const m of findTimeExpressions(p.text)) deadlines.add(deadlinePattern(m.text), d);
      for (const m of p.text.matchAll(/([\u4e00-\u9fff])\1(?:([\u4e00-\u9fff])\2)?/g)) redup.add(m[0], d);
      for (const m of p.text.matchAll(/[A-Za-z0-9][A-Za-z0-9.+\-]*[A-Za-z0-9]|[A-Za-z]/g)) if (/[A-Za-z]/.test(m[0])) latin.add(m[0], d);
    }
    walk(structure.outline, (n) => headings.add(`${n.kind}\t${headingForm(n)}`, d));
  });

  const withCounts = <T extends { text: string }>(entries: T[], counter: DocCounter) =>
    entries.map((e) => ({ ...e, count: counter.count(e.text), docs: counter.docs(e.text) }));
  return {
    ...model,
    corpus: {
      documents: docs.map((doc) => ({ id: doc.id, sha1: crypto().createHash('sha1').update(doc.text).digest('hex'), chars: doc.text.length })),
      chars: docs.reduce((n, doc) => n + doc.text.length, 0),
    },
    units: withCounts(model.units, units),
    indicatorUnits: indicatorUnits.toJSON(),
    verbUnits: verbUnits.toJSON(),
    verbs: withCounts(model.verbs, verbs),
    qualifiers: withCounts(model.qualifiers, qualifiers),
    deadlines: deadlines.entries().map(({ text, count, docs }) => ({ text, count, docs })),
    headings: headings.entries().map(({ text, count }) => {
      const [kind, form] = text.split('\t');
      return { kind: kind as OutlineNode['kind'], form, count };
    }),
    phrases: minePhrases(docs.map((d) => d.text), MIN_DOCS),
    reduplications: redup.entries(MIN_DOCS).map(({ text, count, docs }) => ({ text, count, docs })),
    latinTokens: latin.entries(MIN_DOCS).map(({ text, count, docs }) => ({ text, count, docs })),
  };
}

/** Measure words the base lexicon lacks, read from what follows numbers in the corpus. */
function learnUnits(docs: readonly TrainingDocument[], base: Model): Model['units'] {
  const lex = lexiconOf(base);
  const candidates = new DocCounter();
  docs.forEach((doc, d) => {
    for (const clause of doc.text.split(/[，。；：！？,;:\n]/)) {
      for (const q of scanQuantities(clause, lex, () => false)) {
        if (q.kind !== 'bare') continue;
        const next = clause[q.valueEnd];
        if (next && /[\u4e00-\u9fff]/.test(next) && !NOT_UNITS.test(next)) candidates.add(next, d);
      }
    }
  });
  return candidates
    .entries(MIN_DOCS)
    .filter((e) => e.count >= LEARNED_UNIT_MIN_COUNT && !lex.units.has(e.text) && !lex.identifierSuffixes.has(e.text))
    .map(({ text, count, docs: n }) => ({ text, count, docs: n, learned: true }));
}

function walk(nodes: readonly OutlineNode[], visit: (n: OutlineNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

/** The heading's ordinal pattern: 一、 → N、, （三） → （N）, 二是 → N是, ** for bold leads. */
function headingForm(n: OutlineNode): string {
  if (n.kind === 'title') return 'title';
  if (n.kind === 'lead') return n.nameSpan.start > n.span.start ? '**bold**' : 'sentence';
  if (n.kind === 'bullet') return '——';
  const marker = n.name.slice(0, (n.markerSpan?.end ?? n.nameSpan.start) - n.nameSpan.start);
  return marker.replace(/[一二三四五六七八九十百零〇两]+|[0-9０-９]+/, 'N');
}

/** Serialises a model: one-space-indented JSON (diffable, compact) and a final newline, the committed form. */
export function serializeModel(model: Model): string {
  return JSON.stringify(model, null, 1) + '\n';
}

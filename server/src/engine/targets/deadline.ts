import type { Deadline, DeadlineSource, OutlineNode, Span } from '../types';
import { DEADLINE_SCOPES } from '../types';
import type { Clause, Paragraph, Sentence } from '../text/segment';
import { findTimeExpressions, isTimeOnly } from './timeExpressions';

/** The document's period: from a setting, else read from the title or the subtitle. */
export interface DocumentPeriod {
  text: string;
  year: number | null;
  span?: Span;
}

export interface DeadlineScopeInput {
  clause: Clause;
  sentence: Sentence;
  paragraph: Paragraph;
  /** Where the paragraph's content starts (after a page marker or heading ordinal). */
  contentStart: number;
  /** Outline nodes around the target, outermost first. */
  path: readonly OutlineNode[];
  /** Offset of the target's number. */
  at: number;
  period: DocumentPeriod | null;
  /** The widest scope allowed to supply a deadline. */
  maxScope: DeadlineSource;
}

/** Resolves a target's deadline from the nearest scope outward (TARGETS.md § Missing deadline). */
export function resolveDeadline(input: DeadlineScopeInput): Deadline | null {
  const allowed = DEADLINE_SCOPES.indexOf(input.maxScope);
  const scopes: Array<() => Deadline | null> = [
    () => inClause(input),
    () => earlierInSentence(input),
    () => openingOfParagraph(input),
    () => fromHeading(input),
    () => (input.period ? { text: input.period.text, source: 'document', ...(input.period.span ? { span: input.period.span } : {}) } : null),
  ];
  for (let i = 0; i <= allowed; i++) {
    const found = scopes[i]();
    if (found) return found;
  }
  return null;
}

function inClause({ clause }: DeadlineScopeInput): Deadline | null {
  const m = findTimeExpressions(clause.text)[0];
  return m ? { text: m.text, source: 'clause', span: { start: clause.start + m.index, end: clause.start + m.index + m.text.length } } : null;
}

function earlierInSentence({ sentence, clause }: DeadlineScopeInput): Deadline | null {
  // The nearest one before the clause governs it.
  for (let i = sentence.clauses.indexOf(clause) - 1; i >= 0; i--) {
    const c = sentence.clauses[i];
    const found = findTimeExpressions(c.text);
    const m = found[found.length - 1];
    if (m) return { text: m.text, source: 'sentence', span: { start: c.start + m.index, end: c.start + m.index + m.text.length } };
  }
  return null;
}

function openingOfParagraph({ paragraph, contentStart, sentence }: DeadlineScopeInput): Deadline | null {
  const first = paragraph.sentences.find((s) => s.end > contentStart);
  if (!first || first === sentence) return null;
  const opening = first.clauses.find((c) => c.end > contentStart);
  if (!opening) return null;
  const m = findTimeExpressions(opening.text)[0];
  // "到2026年，…" or "今年，…" or a first sentence that starts with the period ("今年是…之年").
  if (!m || (m.index > 0 && !isTimeOnly(opening.text))) return null;
  return { text: m.text, source: 'paragraph', span: { start: opening.start + m.index, end: opening.start + m.index + m.text.length } };
}

function fromHeading({ path, at }: DeadlineScopeInput): Deadline | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i];
    // A heading sentence that holds the target is its clause or sentence, handled above.
    if (n.nameSpan.start <= at && at < n.nameSpan.end) continue;
    const m = findTimeExpressions(n.name)[0];
    if (m) return { text: m.text, source: 'heading', span: { start: n.nameSpan.start + m.index, end: n.nameSpan.start + m.index + m.text.length } };
  }
  return null;
}

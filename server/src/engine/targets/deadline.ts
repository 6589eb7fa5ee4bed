import type { Deadline, DeadlineSource, OutlineNode, Span } from '../types';
import { DEADLINE_SCOPES } from '../types';
import type { Clause, Paragraph, Sentence } from '../text/segment';
import { findTimeExpressions, isTimeOnly, periodOpeningCopula } from './timeExpressions';

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
  /** Outline nodes around the target, outermost first. */
  path: readonly OutlineNode[];
  /** Offset of the target's number. */
  at: number;
  period: DocumentPeriod | null;
  /** The widest scope allowed to supply a deadline. */
  maxScope: DeadlineSource;
  /** The last time expression of the sentence's earlier clauses, tracked by the caller as it walks them. */
  earlier: Deadline | null;
  /** The time expression that opens the paragraph, computed once per paragraph. */
  opening: Deadline | null;
}

/** Resolves a target's deadline from the nearest scope outward (TARGETS.md § Missing deadline). */
export function resolveDeadline(input: DeadlineScopeInput): Deadline | null {
  const allowed = DEADLINE_SCOPES.indexOf(input.maxScope);
  const scopes: Array<() => Deadline | null> = [
    () => inClause(input),
    () => input.earlier,
    () => (input.opening && input.opening.span!.start < input.sentence.start ? input.opening : null),
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

/** The last time expression of a clause, as a sentence-scope deadline for the clauses after it. */
export function lastTimeExpression(clause: Clause): Deadline | null {
  const found = findTimeExpressions(clause.text);
  const m = found[found.length - 1];
  return m ? { text: m.text, source: 'sentence', span: { start: clause.start + m.index, end: clause.start + m.index + m.text.length } } : null;
}

/** "到2026年，…" or "今年，…" or a first sentence that starts with the period ("1982年是…", "今年是…之年"). */
export function openingOfParagraph(paragraph: Paragraph, contentStart: number): Deadline | null {
  const first = paragraph.sentences.find((s) => s.end > contentStart);
  const opening = first?.clauses.find((c) => c.end > contentStart);
  if (!opening) return null;
  const m = findTimeExpressions(opening.text)[0] ?? periodOpeningCopula(opening.text);
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

// Public data shapes of the analysis engine. Positions follow LSP: 0-based lines, characters in
// UTF-16 code units (which is what JavaScript string indices already are).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

export type Lang = 'zh' | 'en';

/** A string in both interface languages. */
export interface Localized {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------- outline

export type OutlineKind = 'title' | 'part' | 'section' | 'item' | 'subitem' | 'run' | 'bullet' | 'lead';

export interface OutlineNode {
  kind: OutlineKind;
  /** The heading as written (ordinal included, ** of bold leads removed). */
  name: string;
  /** From the heading to the end of the last paragraph it governs. */
  span: Span;
  /** The heading text itself. */
  nameSpan: Span;
  /** The ordinal as written ("二", "（三）"), when the heading has one. */
  ordinal?: string;
  /** The ordinal's numeric value (二 → 2), when it has one. */
  ordinalValue?: number;
  /** The ordinal with the mark written after it ("一、", "(六)"), when it has one. */
  markerSpan?: Span;
  children: OutlineNode[];
}

// ---------------------------------------------------------------- targets

export type DeadlineSource = 'clause' | 'sentence' | 'paragraph' | 'heading' | 'document';

export const DEADLINE_SCOPES: readonly DeadlineSource[] = ['clause', 'sentence', 'paragraph', 'heading', 'document'];

export interface Deadline {
  text: string;
  source: DeadlineSource;
  /** Where the deadline expression is written; absent for a document period from a setting. */
  span?: Span;
}

export interface Target {
  indicator: string;
  verb: string | null;
  /** The number as written; a range is kept whole ("5%—5.5%"). */
  value: string;
  /** Magnitude and unit as written after the number, e.g. "万人"; null when missing. */
  unit: string | null;
  qualifier: string | null;
  deadline: Deadline | null;
  /** The quantity: number through unit and qualifier. */
  span: Span;
  /** The number alone. */
  valueSpan: Span;
  /** The clause that holds the target. */
  clauseSpan: Span;
  sentence: string;
  /** The innermost outline node that holds the target, if any. */
  section: OutlineNode | null;
  /** Rule ids raised on this target (filled by the linter). */
  problems: string[];
}

// ---------------------------------------------------------------- diagnostics

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a tool may apply without asking (quick fix "preferred"). */
  preferred?: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  related?: RelatedInfo[];
}

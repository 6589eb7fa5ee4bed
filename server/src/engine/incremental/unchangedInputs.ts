import type { ReportAnalysis } from '../analyze';
import { appendixStarts } from '../structure/appendix';
import { moveOffset, type EditedRange } from './editedRange';

// Whether an edit left alone what a rule of the headings or of the whole document reads: then a
// re-lint keeps its findings, moved with the text, instead of running it over the whole document
// (RuleMeta.scope 'headings', RuleMeta.watches).

/** An offset of the old text, where the edit moved it: the same check as moveOffset, -1 in the changed characters. */
function movedTo(o: number, edit: EditedRange, to: number): boolean {
  return moveOffset(o, edit) === to;
}

/**
 * Whether an edit left the headings as they were: the same kinds, ordinals and names, opened by
 * the same paragraphs, their places moved with the text; and the title and the appendix lines.
 */
export function headingsUnchanged(before: ReportAnalysis, after: ReportAnalysis, edit: EditedRange): boolean {
  const a = before.structure;
  const b = after.structure;
  if (before.paragraphs.length !== after.paragraphs.length || a.frontMatter.title !== b.frontMatter.title || a.headings.length !== b.headings.length) return false;
  if (a.outline.length !== b.outline.length || (a.outline.length > 0 && !movedTo(a.outline[0].span.start, edit, b.outline[0].span.start))) return false;
  for (let i = 0; i < a.headings.length; i++) {
    const x = a.headings[i].marker;
    const y = b.headings[i].marker;
    if (x.kind !== y.kind || x.name !== y.name || x.ordinal !== y.ordinal || x.ordinalValue !== y.ordinalValue || x.paragraph !== y.paragraph) return false;
    if (x.midParagraph !== y.midParagraph || Boolean(x.standalone) !== Boolean(y.standalone)) return false;
    if (!movedTo(x.start, edit, y.start) || !movedTo(x.nameSpan.start, edit, y.nameSpan.start) || !movedTo(x.nameSpan.end - 1, edit, y.nameSpan.end - 1)) return false;
    if ((x.markerSpan === undefined) !== (y.markerSpan === undefined)) return false;
    if (x.markerSpan && y.markerSpan && (!movedTo(x.markerSpan.start, edit, y.markerSpan.start) || !movedTo(x.markerSpan.end - 1, edit, y.markerSpan.end - 1))) return false;
  }
  const appendixBefore = appendixStarts(before);
  const appendixAfter = appendixStarts(after);
  return appendixBefore.length === appendixAfter.length && appendixBefore.every((o, i) => movedTo(o, edit, appendixAfter[i]));
}

/** Whether an edit wrote or removed none of the `watched` characters and left the front matter as it was. */
export function watchedUnchanged(before: ReportAnalysis, after: ReportAnalysis, edit: EditedRange, watched: RegExp): boolean {
  const a = before.structure.frontMatter;
  const b = after.structure.frontMatter;
  if (before.paragraphs.length !== after.paragraphs.length || a.title !== b.title || a.nonContent.size !== b.nonContent.size) return false;
  for (const i of a.nonContent) if (!b.nonContent.has(i)) return false;
  return !watched.test(before.text.slice(edit.start, edit.oldEnd)) && !watched.test(after.text.slice(edit.start, edit.newEnd));
}

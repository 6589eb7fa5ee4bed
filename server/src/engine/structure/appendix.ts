import type { ReportAnalysis } from '../analyze';

// Where a report's appendices begin: a short line 附件 / 附件2 / 附表 / 附录 / 名词解释. What follows is
// numbered afresh (附件2⏎名词解释⏎1.“四上”企业…), so the numbering rules start over there.

const APPENDIX_LINE = /^(?:附\s*件|附\s*表|附\s*录|名词解释|注\s*释)\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$/;

const cache = new WeakMap<ReportAnalysis, number[]>();

/** Document offsets where appendix lines start, in order. */
export function appendixStarts(analysis: ReportAnalysis): number[] {
  let starts = cache.get(analysis);
  if (!starts) {
    starts = analysis.paragraphs.filter((p) => p.text.length <= 12 && APPENDIX_LINE.test(p.text)).map((p) => p.start);
    cache.set(analysis, starts);
  }
  return starts;
}

/** Whether an appendix line lies between two offsets. */
export function appendixBetween(analysis: ReportAnalysis, from: number, to: number): boolean {
  return appendixStarts(analysis).some((at) => at >= from && at < to);
}

import type { Rule } from './rule';
import { targetMissingUnit } from './target-missing-unit';
import { targetMissingDeadline } from './target-missing-deadline';
import { rateChangePercentPoint } from './rate-change-percent-point';
import { growthVsIncrease } from './growth-vs-increase';
import { headingSequence } from './heading-sequence';
import { headingOrdinalPunctuation } from './heading-ordinal-punctuation';
import { headingLevelSkip } from './heading-level-skip';
import { halfwidthPunctuation } from './halfwidth-punctuation';
import { unpairedMark } from './unpaired-mark';
import { listCommaBetweenQuotes } from './list-comma-between-quotes';
import { numberRangeFormat } from './number-range-format';
import { nonstandardUnit } from './nonstandard-unit';
import { percentSignWidth } from './percent-sign-width';
import { numberDigitMix } from './number-digit-mix';
import { numeralZeroForm } from './numeral-zero-form';
import { spaceInChinese } from './space-in-chinese';
import { strayLatin } from './stray-latin';
import { brokenParagraph } from './broken-paragraph';
import { typo } from './typo';
import { duplicatedText } from './duplicated-text';
import { nearStandardPhrase } from './near-standard-phrase';

/** Every rule, in catalogue order (RULES.md): targets, structure, punctuation, numbers, wording. */
export const RULES: readonly Rule[] = [
  targetMissingUnit,
  targetMissingDeadline,
  rateChangePercentPoint,
  growthVsIncrease,
  headingSequence,
  headingOrdinalPunctuation,
  headingLevelSkip,
  halfwidthPunctuation,
  unpairedMark,
  listCommaBetweenQuotes,
  numberRangeFormat,
  nonstandardUnit,
  percentSignWidth,
  numberDigitMix,
  numeralZeroForm,
  spaceInChinese,
  duplicatedText,
  strayLatin,
  brokenParagraph,
  nearStandardPhrase,
  typo,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

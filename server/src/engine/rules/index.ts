import type { Rule } from './rule';
import { targetMissingUnit } from './target-missing-unit';
import { targetMissingDeadline } from './target-missing-deadline';

/** Every rule, in the order their diagnostics are reported. New rules are added here. */
export const RULES: readonly Rule[] = [targetMissingUnit, targetMissingDeadline];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

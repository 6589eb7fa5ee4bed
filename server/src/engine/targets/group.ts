import type { OutlineNode, Target } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { targetToJSON, type TargetJSON } from '../serialize';

export interface TargetGroup {
  section: OutlineNode | null;
  targets: TargetJSON[];
}

/** Targets grouped by their innermost outline section, in document order. */
export function groupTargetsBySection(targets: readonly Target[], lines: LineIndex): TargetGroup[] {
  const groups: TargetGroup[] = [];
  for (const t of targets) {
    const last = groups[groups.length - 1];
    if (last && last.section === t.section) last.targets.push(targetToJSON(t, lines));
    else groups.push({ section: t.section, targets: [targetToJSON(t, lines)] });
  }
  return groups;
}

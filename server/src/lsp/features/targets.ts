import { groupTargetsBySection } from '../../engine';
import { TargetsRequest } from '../../protocol';
import type { ServerContext } from '../context';
import { documentHandler } from '../guard';

// workreport/targets: the document's targets grouped by outline section, as the same JSON objects
// `workreport targets --format json` prints, so that the editor's view and the CLI agree.

export function registerTargets(ctx: ServerContext): void {
  ctx.connection.onRequest(
    TargetsRequest.method,
    documentHandler<TargetsRequest.Params, TargetsRequest.Result | null>(ctx, TargetsRequest.method, null, ({ analysis, version, uri }) => ({
      uri,
      version,
      period: analysis.period?.text ?? null,
      sections: groupTargetsBySection(analysis.targets, analysis.lines).map((g) => ({
        section: g.section?.name ?? null,
        kind: g.section?.kind ?? null,
        range: g.section ? analysis.lines.rangeOf(g.section.nameSpan) : null,
        targets: g.targets,
      })),
    })),
  );
}

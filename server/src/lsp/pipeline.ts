import * as path from 'node:path';
import { TargetsChangedNotification } from '../protocol';
import type { ServerContext } from './context';
import { publishDiagnostics } from './features/diagnostics';
import { reportSize } from './fileSize';
import { logFailure } from './guard';
import { message } from './messages';
import { yieldToEventLoop, type Job } from './scheduler';
import { uriToPath } from './workspaceFolders';

// The background job after an edit: analyse, lint, publish. Between the steps it yields so that a
// newer edit can arrive and cancel it, and before publishing it checks that the result is still for
// the document's current version and settings — an older text's diagnostics are never published.

export function analysisJob(ctx: ServerContext): (job: Job) => Promise<void> {
  return async (job) => {
    const file = path.basename(uriToPath(job.uri) ?? job.uri);
    const stale = () => job.cancelled || !ctx.documents.get(job.uri);
    try {
      if (stale()) return;
      ctx.status.send('analysing', { message: message(ctx.lang, 'analysing', { file }), uri: job.uri });
      const settings = await ctx.settings.forDocument(job.uri);
      const doc = ctx.documents.get(job.uri);
      if (stale() || !doc) return;
      const entry = ctx.analyses.analyse(doc, settings);
      reportSize(ctx.reporter, ctx.lang, job.uri, entry.size, settings.maxFileSize);
      await yieldToEventLoop();
      if (stale() || !ctx.analyses.isCurrent(entry, ctx.documents.get(job.uri))) return;
      const linted = ctx.analyses.lint(entry);
      await yieldToEventLoop();
      if (stale() || !ctx.analyses.isCurrent(linted, ctx.documents.get(job.uri))) return;
      publishDiagnostics(ctx, linted);
      void ctx.connection.sendNotification(TargetsChangedNotification.method, { uri: job.uri, version: linted.version } satisfies TargetsChangedNotification.Params);
      ctx.status.send('ready', { message: message(ctx.lang, 'ready') });
    } catch (e) {
      logFailure(ctx, 'analysis', job.uri, e);
      ctx.status.send('error', { message: message(ctx.lang, 'analysisFailed', { file, error: (e as Error)?.message ?? String(e) }), uri: job.uri });
    }
  };
}

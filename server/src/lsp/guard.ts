import { ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Linted } from './analyses';
import type { ServerContext } from './context';
import { message } from './messages';

// A failure inside one feature must not take the server down: the handler answers with its empty
// result, the error goes to the log (window/logMessage) with its stack, and every other feature
// keeps serving. Cancellations and deliberate protocol errors pass through unchanged.

export function guarded<P, R>(
  ctx: ServerContext,
  feature: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logFailure(ctx, feature, uriOf(params), e);
      return fallback;
    }
  };
}

/** The same for notifications and background work. */
export function logFailure(ctx: ServerContext, feature: string, uri: string, e: unknown): void {
  const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  ctx.reporter.error(message(ctx.lang, 'featureFailed', { feature, uri, error }));
}

function uriOf(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : '-';
}

/**
 * A guarded handler of a request about one open document: it gets the document's analysis at its
 * current version, or answers `fallback` for a document that is not open.
 */
export function documentHandler<P extends { textDocument: { uri: string } }, R>(
  ctx: ServerContext,
  feature: string,
  fallback: R,
  handler: (entry: Linted, params: P) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return guarded(ctx, feature, fallback, async (params: P, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return fallback;
    return handler(await ctx.analyses.current(doc, token), params);
  });
}

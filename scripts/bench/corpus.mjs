// The texts the bench runs on: the report files of one folder, and documents of a given size built
// from them for the server (the largest report first, then the next, cut at a line end).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function loadCorpus(dir) {
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|wr|md)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  const docs = files.map((path) => ({ path, size: statSync(path).size, text: readFileSync(path, 'utf8') }));
  return { dir, docs, bytes: docs.reduce((n, d) => n + d.size, 0) };
}

/** The report closest in size to `bytes`. */
export function closestTo(corpus, bytes) {
  return [...corpus.docs].sort((a, b) => Math.abs(a.size - bytes) - Math.abs(b.size - bytes))[0];
}

export function largest(corpus, n) {
  return [...corpus.docs].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)).slice(0, n);
}

/**
 * A document of about `bytes` UTF-8 bytes of report text: whole lines of the largest reports,
 * concatenated (and repeated when the corpus is smaller than asked), cut at the last line that fits.
 */
export function documentOfSize(corpus, bytes) {
  const sources = largest(corpus, corpus.docs.length);
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    for (const line of sources[i % sources.length].text.split(/\r\n|\r|\n/)) {
      const n = Buffer.byteLength(line, 'utf8') + 1;
      if (size + n > bytes && lines.length) return lines.join('\n') + '\n';
      lines.push(line);
      size += n;
    }
  }
  return lines.join('\n') + '\n';
}

/** Paragraphs a user might paste: body lines of 150 to 400 characters, in corpus order. */
export function pastableParagraphs(corpus) {
  const found = [];
  for (const d of corpus.docs) for (const line of d.text.split(/\r\n|\r|\n/)) if (line.length >= 150 && line.length <= 400) found.push(line);
  if (!found.length) for (const d of corpus.docs) for (const line of d.text.split(/\r\n|\r|\n/)) if (line.length >= 20) found.push(line);
  return found;
}

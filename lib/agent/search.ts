/**
 * A local document search tool: Okapi BM25 over a small collection, as pure functions (tokenize, build an index
 * once, search it), plus loaders for a folder of .md/.txt files or a JSONL file of `{id, title, text}`.
 *
 * Why not DuckDB full-text search: DuckDB's `fts` extension is not bundled with @duckdb/node-api and is fetched from
 * DuckDB's extension server on first `LOAD fts`, which fails offline and in sandboxes. BM25 over a small collection
 * is a page of code with no download, and ranks the same way on every machine.
 */
import { jsonlObjects } from './jsonl.ts';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { defineTool, type AgentTool } from './tools.ts';

/** One document of a collection. */
export interface SearchDocument {
  /** Unique within the collection (a file's name without its extension, or the JSONL row's `id`). */
  id: string;
  title: string;
  text: string;
}

/** One search result: the document, its BM25 score and the passage of its text that best matches the query. */
export interface SearchHit {
  id: string;
  title: string;
  score: number;
  snippet: string;
}

export interface Bm25Options {
  /** Term-frequency saturation. Default 1.2. */
  k1?: number;
  /** Document-length normalization, 0 (none) to 1 (full). Default 0.75. */
  b?: number;
  /** Longest snippet, in characters. Default 320. */
  maxSnippetChars?: number;
}

/** A BM25 index over one collection; build it once with `buildSearchIndex`, query it with `searchDocuments`. */
export interface SearchIndex {
  readonly documents: readonly SearchDocument[];
  /** term -> [document index, term frequency] for every document that holds the term. */
  readonly postings: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  /** Tokens per document (title and text). */
  readonly lengths: readonly number[];
  readonly averageLength: number;
  readonly k1: number;
  readonly b: number;
  readonly maxSnippetChars: number;
}

/** Hits the `search` tool returns when the model gives no `k`. Default 3. */
export const DEFAULT_SEARCH_K = 3;
/** Most hits the `search` tool returns, whatever `k` the model asks for. */
export const MAX_SEARCH_K = 10;

/** Words too common to help ranking. */
const STOP_WORDS = new Set(
  ('a an and are as at be been but by did do does for from had has have he her his how i if in into is it its ' +
    'me my no not of on or our s she so t than that the their them then there these they this those to was we were ' +
    'what when where which who whom why will with you your').split(' '),
);

/**
 * A light suffix stemmer, so "towns"/"town", "founded"/"found" and "cities"/"city" meet. It only strips plural and
 * -ed/-ing endings; query and documents go through the same rules, so it needs to be consistent, not linguistic.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && base.length >= 3 && /[aeiouy]/.test(base)) return base;
  }
  return word;
}

/** Lowercased (NFKC) runs of Unicode letters and digits, stop words dropped, each stemmed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!STOP_WORDS.has(match[0])) out.push(stem(match[0]));
  }
  return out;
}

/** Builds the BM25 index of a collection. Throws on a duplicate id. */
export function buildSearchIndex(documents: readonly SearchDocument[], options: Bm25Options = {}): SearchIndex {
  const postings = new Map<string, [number, number][]>();
  const lengths: number[] = [];
  const ids = new Set<string>();
  documents.forEach((doc, i) => {
    if (ids.has(doc.id)) throw new Error(`document id '${doc.id}' is used twice; ids must be unique`);
    ids.add(doc.id);
    const tokens = tokenize(`${doc.title}\n${doc.text}`);
    lengths.push(tokens.length);
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = postings.get(term);
      if (list) list.push([i, tf]);
      else postings.set(term, [[i, tf]]);
    }
  });
  const total = lengths.reduce((s, n) => s + n, 0);
  return {
    documents: [...documents],
    postings,
    lengths,
    averageLength: documents.length === 0 ? 0 : total / documents.length,
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.75,
    maxSnippetChars: options.maxSnippetChars ?? 320,
  };
}

/** BM25's inverse document frequency, in the form that stays positive for terms in most documents. */
function idf(index: SearchIndex, term: string): number {
  const n = index.postings.get(term)?.length ?? 0;
  const total = index.documents.length;
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

/**
 * The top `k` documents for `query` by BM25 (each distinct query term counted once), best first; ties go to the
 * earlier document. Documents that share no term with the query are not returned, so the list may be shorter.
 */
export function searchDocuments(index: SearchIndex, query: string, k: number = DEFAULT_SEARCH_K): SearchHit[] {
  const terms = [...new Set(tokenize(query))];
  const scores = new Map<number, number>();
  for (const term of terms) {
    const weight = idf(index, term);
    for (const [doc, tf] of index.postings.get(term) ?? []) {
      const norm = index.k1 * (1 - index.b + (index.b * index.lengths[doc]) / (index.averageLength || 1));
      scores.set(doc, (scores.get(doc) ?? 0) + (weight * tf * (index.k1 + 1)) / (tf + norm));
    }
  }
  return [...scores.entries()]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, Math.max(0, k))
    .map(([doc, score]) => {
      const d = index.documents[doc];
      return { id: d.id, title: d.title, score, snippet: snippet(index, d.text, terms) };
    });
}

/**
 * The run of consecutive sentences, at most `maxSnippetChars` long, that holds the most (idf-weighted, distinct)
 * query terms; among equals the earliest, as long as it fits. "…" marks text left out before or after it.
 */
export function snippet(index: SearchIndex, text: string, terms: readonly string[]): string {
  const sentences = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s !== '');
  if (sentences.length === 0) return '';
  const weights = new Map(terms.map((t) => [t, idf(index, t)]));
  const termsOf = sentences.map((s) => new Set(tokenize(s).filter((t) => weights.has(t))));
  const max = index.maxSnippetChars;
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < sentences.length; start++) {
    let chars = 0;
    const seen = new Set<string>();
    for (let end = start; end < sentences.length; end++) {
      chars += sentences[end].length + (end > start ? 1 : 0);
      if (chars > max && end > start) break;
      for (const t of termsOf[end]) seen.add(t);
      const score = [...seen].reduce((s, t) => s + (weights.get(t) ?? 0), 0);
      if (score > best.score || (score === best.score && start === best.start)) best = { start, end: end + 1, score };
    }
  }
  let out = sentences.slice(best.start, best.end).join(' ');
  let cut = best.end < sentences.length;
  if (out.length > max) {
    out = out.slice(0, max).replace(/\s+\S*$/, '');
    cut = true;
  }
  return `${best.start > 0 ? '… ' : ''}${out}${cut ? ' …' : ''}`;
}

/** What the model sees for a list of hits: a numbered list of title, id and snippet, or "no documents match". */
export function formatHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'no documents match';
  return hits.map((h, i) => `${i + 1}. ${h.title} (id: ${h.id})\n   ${h.snippet}`).join('\n');
}

/**
 * The `search` tool over one collection. Arguments: `query` (keywords or a question) and optional `k`, the number of
 * documents to return: default 3 (DEFAULT_SEARCH_K), at most 10 (MAX_SEARCH_K).
 */
export function searchTool(index: SearchIndex): AgentTool {
  return defineTool<{ query: string; k?: number }>({
    name: 'search',
    description: `Searches a local document collection (${index.documents.length} documents) by keywords and returns the best matching documents, each with its title, id and the passage that matches. Example input: {"query": "river through Halvik"}`,
    parameters: {
      query: { type: 'string', description: 'keywords or a question, e.g. "population of Brisk"' },
      k: { type: 'integer', description: `how many documents to return (1 to ${MAX_SEARCH_K}); default ${DEFAULT_SEARCH_K}`, required: false },
    },
    run: ({ query, k }) => {
      if (query.trim() === '') throw new Error('query is empty; give some keywords');
      if (k !== undefined && (k < 1 || k > MAX_SEARCH_K)) throw new Error(`k must be between 1 and ${MAX_SEARCH_K}, got ${k}`);
      return formatHits(searchDocuments(index, query, k ?? DEFAULT_SEARCH_K));
    },
  });
}

/** A document file's title (its first line, without a leading markdown `#`) and text (the rest). */
function parseDocumentFile(content: string, file: string): SearchDocument {
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) throw new Error(`${file}: the document is empty; its first line is the title and the rest the text`);
  const title = lines[first].replace(/^#+\s*/, '').trim();
  const text = lines.slice(first + 1).join('\n').trim();
  if (title === '' || text === '') throw new Error(`${file}: a document needs a title line and some text after it`);
  return { id: basename(file, extname(file)), title, text };
}

/** Parses JSONL rows of `{id, title, text}`; throws naming the file, line and field on a bad row. */
export function parseDocumentsJsonl(content: string, file = 'documents'): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const seen = new Map<string, number>();
  for (const { row, where, line } of jsonlObjects(content, file, '{id, title, text}')) {
    for (const field of ['id', 'title', 'text'] as const) {
      if (typeof row[field] !== 'string' || (row[field] as string).trim() === '') throw new Error(`${where}: field '${field}' must be a non-empty string`);
    }
    const id = row.id as string;
    const previous = seen.get(id);
    if (previous !== undefined) throw new Error(`${where}: id '${id}' is already used on line ${previous}; ids must be unique`);
    seen.set(id, line);
    docs.push({ id, title: row.title as string, text: row.text as string });
  }
  return docs;
}

/**
 * Loads a collection: a folder of .md/.txt files (id = file name without extension, title = first line without a
 * leading `#`, text = the rest; other files and subfolders are ignored) or a .jsonl file of `{id, title, text}` rows.
 * Documents come in file-name (or row) order. Errors name the file, and the line for JSONL.
 */
export async function loadDocuments(path: string): Promise<SearchDocument[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`document collection ${path} cannot be read (${error.code ?? error.message})`);
  });
  if (info.isDirectory()) {
    const names = (await readdir(path, { withFileTypes: true }))
      .filter((e) => e.isFile() && ['.md', '.txt'].includes(extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort();
    if (names.length === 0) throw new Error(`document collection ${path} holds no .md or .txt files`);
    const docs: SearchDocument[] = [];
    const seen = new Map<string, string>();
    for (const name of names) {
      const file = join(path, name);
      const doc = parseDocumentFile(await readFile(file, 'utf8'), file);
      const other = seen.get(doc.id);
      if (other !== undefined) throw new Error(`${file}: id '${doc.id}' is also the id of ${other}; rename one of them`);
      seen.set(doc.id, file);
      docs.push(doc);
    }
    return docs;
  }
  if (extname(path).toLowerCase() === '.jsonl') {
    const docs = parseDocumentsJsonl(await readFile(path, 'utf8'), path);
    if (docs.length === 0) throw new Error(`${path} holds no documents`);
    return docs;
  }
  throw new Error(`document collection ${path} must be a folder of .md/.txt files or a .jsonl file of {id, title, text}`);
}

/** `loadDocuments` then `buildSearchIndex`. */
export async function loadSearchIndex(path: string, options: Bm25Options = {}): Promise<SearchIndex> {
  return buildSearchIndex(await loadDocuments(path), options);
}

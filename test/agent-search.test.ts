// lib/agent/search.ts: tokenizing, BM25 ranking checked against the formula worked by hand, snippets, the `search`
// tool as the model calls it, the collection loaders and their errors, and the bundled collection (data/agent-docs):
// its size, and that the fictional world it describes agrees with itself.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_DOCS_PATH,
  buildSearchIndex,
  callTool,
  DEFAULT_SEARCH_K,
  formatHits,
  loadDocuments,
  loadSearchIndex,
  parseDocumentsJsonl,
  searchDocuments,
  searchTool,
  stem,
  tokenize,
  type SearchDocument,
} from '../lib/agent/index.ts';
import { snippet } from '../lib/agent/search.ts';

describe('tokenize and stem', () => {
  it('lowercases runs of Unicode letters and digits, drops stop words and stems plurals and -ed/-ing', () => {
    expect(tokenize("The Towns of Halvik's glassworks: 1,927 m, Ünïcode STRASSE—Straße!")).toEqual(['town', 'halvik', 'glasswork', '1', '927', 'm', 'ünïcode', 'strasse', 'straße']);
    expect(tokenize('What is it, and where was it?')).toEqual([]);
  });

  it('stems only what query and text should share', () => {
    const cases: Record<string, string> = {
      cities: 'city', boxes: 'box', churches: 'church', classes: 'class', towns: 'town', founded: 'found', floating: 'float',
      glass: 'glass', campus: 'campus', analysis: 'analysis', need: 'need', spring: 'spring', bus: 'bus', '1990s': '1990s', red: 'red',
    };
    for (const [word, stemmed] of Object.entries(cases)) expect(stem(word), word).toBe(stemmed);
  });
});

const DOCS: SearchDocument[] = [
  { id: 'a', title: 'Alpha', text: 'river river town' },
  { id: 'b', title: 'Beta', text: 'town hall' },
  { id: 'c', title: 'Gamma', text: 'mountain lake' },
];

describe('BM25 ranking', () => {
  it('scores as the Okapi BM25 formula does (k1 1.2, b 0.75), worked by hand', () => {
    // Lengths (title + text tokens): a 4, b 3, c 3; average 10/3. N = 3.
    const index = buildSearchIndex(DOCS);
    const idf = (n: number) => Math.log(1 + (3 - n + 0.5) / (n + 0.5));
    const term = (tf: number, len: number, n: number) => (idf(n) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / (10 / 3)));
    const hits = searchDocuments(index, 'river town');
    expect(hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeCloseTo(term(2, 4, 1) + term(1, 4, 2), 12);
    expect(hits[1]!.score).toBeCloseTo(term(1, 3, 2), 12);
    // A repeated query word counts once; no shared term, no hit.
    expect(searchDocuments(index, 'river river town')[0]!.score).toBeCloseTo(hits[0]!.score, 12);
    expect(searchDocuments(index, 'desert')).toEqual([]);
    expect(searchDocuments(index, 'the of and')).toEqual([]);
  });

  it('favours the shorter document for the same term count, unless b is 0; ties keep collection order; k cuts the list', () => {
    const docs: SearchDocument[] = [
      { id: 'long', title: 'L', text: 'lantern one two three four five six seven' },
      { id: 'short', title: 'S', text: 'lantern' },
      { id: 'other', title: 'O', text: 'kite' },
    ];
    expect(searchDocuments(buildSearchIndex(docs), 'lantern').map((h) => h.id)).toEqual(['short', 'long']);
    const flat = searchDocuments(buildSearchIndex(docs, { b: 0 }), 'lantern');
    expect(flat.map((h) => h.id)).toEqual(['long', 'short']);
    expect(flat[0]!.score).toBe(flat[1]!.score);
    expect(searchDocuments(buildSearchIndex(docs), 'lantern', 1).map((h) => h.id)).toEqual(['short']);
    expect(searchDocuments(buildSearchIndex(docs), 'lantern', 0)).toEqual([]);
  });

  it('refuses duplicate ids', () => {
    expect(() => buildSearchIndex([DOCS[0]!, { ...DOCS[1]!, id: 'a' }])).toThrow("document id 'a' is used twice; ids must be unique");
  });
});

describe('snippets', () => {
  const text = 'Brisk is a town. It makes paper. The river there is the Lenn, which is soft. Kites fly in May.';

  it('shows the run of sentences, within the length limit, that holds the most query terms, marking what it left out', () => {
    const index = buildSearchIndex([{ id: 'x', title: 'Brisk', text }, { id: 'y', title: 'Y', text: 'paper paper' }], { maxSnippetChars: 40 });
    // The best sentence alone is too long: it is cut at a word.
    expect(snippet(index, text, tokenize('river Lenn'))).toBe('… The river there is the Lenn, which is …');
    const wide = buildSearchIndex([{ id: 'x', title: 'Brisk', text }], { maxSnippetChars: 80 });
    expect(snippet(wide, text, tokenize('river Lenn'))).toBe('Brisk is a town. It makes paper. The river there is the Lenn, which is soft. …');
    expect(snippet(wide, text, tokenize('kites'))).toBe('… It makes paper. The river there is the Lenn, which is soft. Kites fly in May.');
    // No term in any sentence: the opening.
    expect(snippet(wide, text, [])).toBe('Brisk is a town. It makes paper. The river there is the Lenn, which is soft. …');
  });
});

describe('the search tool', () => {
  const tool = searchTool(buildSearchIndex([
    { id: 'halvik', title: 'Halvik', text: 'Halvik lies on the River Assel. It makes glass.' },
    { id: 'brisk', title: 'Brisk', text: 'Brisk lies on the River Lenn. It makes paper.' },
    { id: 'korrin', title: 'Korrin', text: 'Korrin is a village near the source of the Assel.' },
    { id: 'wendal', title: 'Wendal', text: 'Wendal lies on the River Lenn. It makes wool.' },
  ]));

  it('returns numbered hits with title, id and snippet, as many as k (default 3)', async () => {
    const call = await callTool([tool], 'search', { query: 'river Assel' });
    expect(call.observation).toBe(
      '1. Halvik (id: halvik)\n   Halvik lies on the River Assel. It makes glass.\n' +
        '2. Korrin (id: korrin)\n   Korrin is a village near the source of the Assel.\n' +
        '3. Brisk (id: brisk)\n   Brisk lies on the River Lenn. It makes paper.',
    );
    expect(DEFAULT_SEARCH_K).toBe(3);
    // A bare string goes to `query`; k comes as a number or a numeric string.
    expect((await callTool([tool], 'search', 'wool')).observation).toBe('1. Wendal (id: wendal)\n   Wendal lies on the River Lenn. It makes wool.');
    expect((await callTool([tool], 'search', { query: 'river', k: '1' })).observation).toMatch(/^1\. [^\n]+\n[^\n]+$/);
  });

  it('says when nothing matches, and reports bad input as an error observation', async () => {
    expect((await callTool([tool], 'search', { query: 'steel' })).observation).toBe('no documents match');
    expect(formatHits([])).toBe('no documents match');
    expect(await callTool([tool], 'search', { query: '  ' })).toMatchObject({ ok: false, observation: 'Error: query is empty; give some keywords' });
    expect(await callTool([tool], 'search', { query: 'river', k: 11 })).toMatchObject({ ok: false, observation: 'Error: k must be between 1 and 10, got 11' });
    expect(await callTool([tool], 'search', { q: 'river' })).toMatchObject({ ok: false, failure: 'bad-input' });
    expect(tool.description).toContain('(4 documents)');
  });
});

describe('loading a collection', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ipw-search-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a folder of .md and .txt files in name order and ignores other files and subfolders', async () => {
    const folder = join(dir, 'docs');
    await mkdir(join(folder, 'nested'), { recursive: true });
    await writeFile(join(folder, 'b-river.md'), '\n# River Skell\n\nThe Skell is short.\n');
    await writeFile(join(folder, 'a-town.txt'), 'Fenwick\nFenwick lies on the Skell.\nIt has sawmills.');
    await writeFile(join(folder, 'notes.json'), '{}');
    await writeFile(join(folder, 'nested', 'c.md'), '# Hidden\ntext');
    expect(await loadDocuments(folder)).toEqual([
      { id: 'a-town', title: 'Fenwick', text: 'Fenwick lies on the Skell.\nIt has sawmills.' },
      { id: 'b-river', title: 'River Skell', text: 'The Skell is short.' },
    ]);
    expect(searchDocuments(await loadSearchIndex(folder), 'sawmills').map((h) => h.id)).toEqual(['a-town']);
  });

  it('reads JSONL rows of {id, title, text}', async () => {
    const file = join(dir, 'docs.jsonl');
    await writeFile(file, '{"id": "x", "title": "X", "text": "about x"}\n\n{"id": "y", "title": "Y", "text": "about y"}\n');
    expect(await loadDocuments(file)).toEqual([{ id: 'x', title: 'X', text: 'about x' }, { id: 'y', title: 'Y', text: 'about y' }]);
  });

  it('names the file, and the line of a JSONL row, in every error', async () => {
    expect(() => parseDocumentsJsonl('{"id": "x", "title": "X", "text": "t"}\n{"id": "y", "text": "t"}', 'd.jsonl')).toThrow("d.jsonl:2: field 'title' must be a non-empty string");
    expect(() => parseDocumentsJsonl('{"id": "x", "title": "X", "text": "t"}\n\n{"id": "x", "title": "X", "text": "t"}', 'd.jsonl')).toThrow("d.jsonl:3: id 'x' is already used on line 1; ids must be unique");
    expect(() => parseDocumentsJsonl('{"id": 1', 'd.jsonl')).toThrow(/^d\.jsonl:1: not valid JSON/);
    expect(() => parseDocumentsJsonl('[1]', 'd.jsonl')).toThrow('d.jsonl:1: each line must be a JSON object {id, title, text}');

    const empty = join(dir, 'empty');
    await mkdir(empty);
    await expect(loadDocuments(empty)).rejects.toThrow(`document collection ${empty} holds no .md or .txt files`);
    await writeFile(join(empty, 'blank.md'), '\n  \n');
    await expect(loadDocuments(empty)).rejects.toThrow(`${join(empty, 'blank.md')}: the document is empty`);
    await writeFile(join(empty, 'blank.md'), '# Only a title\n');
    await expect(loadDocuments(empty)).rejects.toThrow(`${join(empty, 'blank.md')}: a document needs a title line and some text after it`);
    await writeFile(join(empty, 'blank.md'), '# T\ntext');
    await writeFile(join(empty, 'blank.txt'), 'T\ntext');
    await expect(loadDocuments(empty)).rejects.toThrow(`${join(empty, 'blank.txt')}: id 'blank' is also the id of ${join(empty, 'blank.md')}`);

    await expect(loadDocuments(join(dir, 'missing'))).rejects.toThrow(`document collection ${join(dir, 'missing')} cannot be read (ENOENT)`);
    await writeFile(join(dir, 'docs.csv'), 'id,title');
    await expect(loadDocuments(join(dir, 'docs.csv'))).rejects.toThrow('must be a folder of .md/.txt files or a .jsonl file of {id, title, text}');
    await writeFile(join(dir, 'none.jsonl'), '\n');
    await expect(loadDocuments(join(dir, 'none.jsonl'))).rejects.toThrow(`${join(dir, 'none.jsonl')} holds no documents`);
  });
});

describe('the bundled collection (data/agent-docs)', () => {
  it('holds 40 to 80 documents of 100 to 300 words, under 300 KB in all', async () => {
    const docs = await loadDocuments(AGENT_DOCS_PATH);
    expect(docs.length).toBeGreaterThanOrEqual(40);
    expect(docs.length).toBeLessThanOrEqual(80);
    let bytes = 0;
    for (const doc of docs) {
      const words = doc.text.split(/\s+/).length;
      expect(words, doc.id).toBeGreaterThanOrEqual(100);
      expect(words, doc.id).toBeLessThanOrEqual(300);
      bytes += Buffer.byteLength(await readFile(join(AGENT_DOCS_PATH, `${doc.id}.md`), 'utf8'));
    }
    expect(bytes).toBeLessThan(300 * 1024);
  });

  it('describes a world that agrees with itself: road distances match in both towns, and the census names the towns over 50,000', async () => {
    const docs = await loadDocuments(AGENT_DOCS_PATH);
    const towns = docs.filter((d) => /inhabitants at the 2021 census/.test(d.text));
    expect(towns.length).toBe(13);
    const distances = new Map<string, Set<number>>();
    for (const town of towns) {
      for (const m of town.text.matchAll(/(\d+) kilometres (?:by road )?from (?:the mountain village of )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)/g)) {
        const key = [town.title, m[2]!].sort().join(' - ');
        distances.set(key, (distances.get(key) ?? new Set()).add(Number(m[1])));
      }
    }
    expect(distances.size).toBeGreaterThanOrEqual(10);
    for (const [pair, km] of distances) expect([...km], pair).toHaveLength(1);
    // Each distance is stated by both towns when both have a document.
    const titles = new Set(towns.map((t) => t.title));
    for (const pair of distances.keys()) {
      const [a, b] = pair.split(' - ') as [string, string];
      if (!titles.has(a) || !titles.has(b)) continue;
      const statedBy = towns.filter((t) => (t.title === a && t.text.includes(b)) || (t.title === b && t.text.includes(a)));
      expect(statedBy.length, pair).toBe(2);
    }
    const population = (d: SearchDocument) => Number(/([\d,]+) inhabitants at the 2021 census/.exec(d.text)![1]!.replace(/,/g, ''));
    const big = towns.filter((t) => population(t) > 50_000).map((t) => t.title);
    const census = docs.find((d) => d.id === 'census-2021')!;
    expect(big.sort()).toEqual(['Dunmere', 'Galbrun', 'Halvik', 'Port Cassy', 'Quellstone']);
    for (const town of big) expect(census.text).toContain(town);
    // "about a fifth of the population" lives in Dunmere.
    expect(population(towns.find((t) => t.title === 'Dunmere')!) / 2_914_300).toBeCloseTo(0.2, 1);
  });
});

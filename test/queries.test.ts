import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Field, Int64, LargeUtf8, List, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQueries, loadQuerySet, type Query } from '../lib/queries/index.ts';
import { parseColumnMap } from '../lib/queries/columns.ts';
import { QueryValidationError } from '../lib/queries/errors.ts';

let dir: string;

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function jsonl(name: string, rows: readonly unknown[]): string {
  return write(name, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

/** The error a load rejects with, so several properties can be checked. */
async function loadError(source: string, options?: Parameters<typeof loadQueries>[1]): Promise<QueryValidationError> {
  const error: unknown = await loadQueries(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QueryValidationError);
  return error as QueryValidationError;
}

/** A `datasets` save_to_disk folder: Arrow IPC stream shards plus the JSON files HF writes beside them. */
function writeHfDataset(folder: string, split: string, shards: Table[]): void {
  mkdirSync(folder, { recursive: true });
  const names = shards.map((_, i) => `data-${String(i).padStart(5, '0')}-of-${String(shards.length).padStart(5, '0')}.arrow`);
  shards.forEach((table, i) => writeFileSync(join(folder, names[i] as string), tableToIPC(table, 'stream')));
  const info = {
    citation: '',
    description: '',
    features: {
      question: { dtype: 'string', _type: 'Value' },
      options: { feature: { dtype: 'string', _type: 'Value' }, _type: 'Sequence' },
      answer_index: { dtype: 'int64', _type: 'Value' },
      category: { dtype: 'large_string', _type: 'Value' },
    },
    homepage: '',
    license: '',
  };
  const state = {
    _data_files: names.map((filename) => ({ filename })),
    _fingerprint: 'f3a1c2b4d5e6a7b8',
    _format_columns: null,
    _format_kwargs: {},
    _format_type: null,
    _output_all_columns: false,
    _split: split,
  };
  writeFileSync(join(folder, 'dataset_info.json'), JSON.stringify(info, null, 2));
  writeFileSync(join(folder, 'state.json'), JSON.stringify(state, null, 2));
}

function mcTable(rows: { question: string; options: string[]; answer_index: bigint; category: string }[]): Table {
  return new Table({
    question: vectorFromArray(rows.map((r) => r.question), new Utf8()),
    options: vectorFromArray(
      rows.map((r) => r.options),
      new List(new Field('item', new Utf8(), true)),
    ),
    answer_index: vectorFromArray(
      rows.map((r) => r.answer_index),
      new Int64(),
    ),
    category: vectorFromArray(
      rows.map((r) => r.category),
      new LargeUtf8(),
    ),
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ipw-queries-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadQueries: formats', () => {
  it('reads JSONL, infers graders, fills defaults and keeps extra columns in meta', async () => {
    const path = jsonl('basic.jsonl', [
      { id: 'q1', prompt: 'Capital of Peru?', answer: 'Lima', domain: 'geo', difficulty: 2 },
      { prompt: '2 + 2?', answer: 4 },
      { question: 'Pick one', choices: ['x', 'y', 'z'], answer: 'c' },
    ]);
    const queries = await loadQueries(path);
    expect(queries).toEqual<Query[]>([
      { id: 'q1', prompt: 'Capital of Peru?', domain: 'geo', answer: 'Lima', grader: 'exact', meta: { difficulty: 2 } },
      { id: 'basic-1', prompt: '2 + 2?', domain: 'general', answer: '4', grader: 'numeric' },
      { id: 'basic-2', prompt: 'Pick one', domain: 'general', choices: ['x', 'y', 'z'], answer: 'C', grader: 'mc' },
    ]);
  });

  it('infers numeric only for answers that read as one number', async () => {
    const answers = ['1,000', '-3.5', '6.02e23', 'e5', '1/2', '10%', 'Paris'];
    const path = jsonl('infer.jsonl', answers.map((answer) => ({ prompt: 'p?', answer, id: answer })));
    expect((await loadQueries(path)).map((q) => q.grader)).toEqual(['numeric', 'numeric', 'numeric', 'exact', 'exact', 'exact', 'exact']);
  });

  it('reads our own JSONL back unchanged, meta included', async () => {
    const query: Query = { id: 'a', prompt: 'p?', domain: 'd', choices: ['1', '2'], answer: 'B', grader: 'mc', meta: { topic: 't' } };
    const path = jsonl('roundtrip.jsonl', [query]);
    expect(await loadQueries(path)).toEqual([query]);
  });

  it('reads CSV with quoted commas, JSON-array and |-separated choices, and multi-line cells', async () => {
    const path = write(
      'mixed.csv',
      [
        'id,prompt,choices,answer,subject',
        'c1,"Which, of these, is a prime?","[""4"", ""6"", ""7"", ""9""]",C,math',
        'c2,"A question',
        'over two lines",red | green | blue,1,art',
        'c3,"What is 6, times 7?",,42,',
      ].join('\n'),
    );
    const queries = await loadQueries(path);
    expect(queries.map((q) => [q.id, q.prompt, q.choices, q.answer, q.grader, q.domain])).toEqual([
      ['c1', 'Which, of these, is a prime?', ['4', '6', '7', '9'], 'C', 'mc', 'math'],
      ['c2', 'A question\nover two lines', ['red', 'green', 'blue'], 'B', 'mc', 'art'],
      ['c3', 'What is 6, times 7?', undefined, '42', 'numeric', 'general'],
    ]);
  });

  it('reads Parquet through DuckDB, with list columns and integer answer indices', async () => {
    const path = join(dir, 'mc.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT * FROM (VALUES
        (101::BIGINT, 'Largest planet?', ['Mars', 'Jupiter', 'Venus', 'Mercury'], 1::BIGINT, 'astronomy'),
        (102::BIGINT, 'Smallest planet?', ['Mars', 'Jupiter', 'Venus', 'Mercury'], 3::BIGINT, 'astronomy')
      ) AS t(id, question, options, answer, category)
    ) TO '${path}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const queries = await loadQueries(path);
    expect(queries).toEqual<Query[]>([
      { id: '101', prompt: 'Largest planet?', domain: 'astronomy', choices: ['Mars', 'Jupiter', 'Venus', 'Mercury'], answer: 'B', grader: 'mc' },
      { id: '102', prompt: 'Smallest planet?', domain: 'astronomy', choices: ['Mars', 'Jupiter', 'Venus', 'Mercury'], answer: 'D', grader: 'mc' },
    ]);
  });

  it('reports each type conversion once per column, with the rule used (the 1 -> B of Parquet answers)', async () => {
    const path = join(dir, 'mc-notices.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (
      SELECT * FROM (VALUES
        (101::BIGINT, 'Largest planet?', ['Mars', 'Jupiter', 'Venus'], 1::BIGINT),
        (102::BIGINT, 'Smallest planet?', ['Mars', 'Jupiter', 'Venus'], 0::BIGINT),
        (103::BIGINT, 'Red planet?', ['Mars', 'Jupiter', 'Venus'], 0::BIGINT)
      ) AS t(id, question, options, label)
    ) TO '${path}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const { queries, notices } = await loadQuerySet(path, { map: 'answer=label' });
    expect(queries.map((q) => q.answer)).toEqual(['B', 'A', 'A']);
    expect(notices.map(({ message: _m, ...n }) => n)).toEqual([
      { file: path, column: 'label', field: 'answer', conversion: 'integer -> option letter', rule: 'a 0-based option index (0 -> A, 1 -> B, ...)', example: { from: 1, to: 'B' }, rows: 3 },
      { file: path, column: 'id', field: 'id', conversion: 'number -> text', rule: 'written as JavaScript prints it (String(value))', example: { from: 101, to: '101' }, rows: 3 },
    ]);
    expect(notices[0]!.message).toBe(
      `${path}: column "label" (the answer): 3 values converted, integer -> option letter, as a 0-based option index (0 -> A, 1 -> B, ...); e.g. 1 -> "B". If the answers count from 1, subtract 1 or store letters.`,
    );

    // Text that looks like an index, numbers as options and a numeric answer, each once per column; letters and text are not conversions.
    const rows = jsonl('notices.jsonl', [
      { id: 'a', prompt: 'Pick', choices: ['x', 'y'], answer: '1' },
      { id: 'b', prompt: 'Pick', choices: [2, 3], answer: 'A' },
      { id: 'c', prompt: 'Sum?', answer: 42 },
      { id: 'd', prompt: 'Sum?', answer: 7 },
      { id: 'e', prompt: 'Pick', choices: ['xx', 'yy'], answer: 'yy' },
    ]);
    const loaded = await loadQuerySet(rows);
    expect(loaded.queries.map((q) => q.answer)).toEqual(['B', 'A', '42', '7', 'B']);
    expect(loaded.notices.map((n) => [n.column, n.conversion, n.rows, n.example])).toEqual([
      ['answer', 'integer text -> option letter', 1, { from: '1', to: 'B' }],
      ['choices', 'number option -> text', 1, { from: 2, to: '2' }],
      ['answer', 'number -> text', 2, { from: 42, to: '42' }],
    ]);
    expect((await loadQuerySet('sample')).notices).toEqual([]);
  });

  it('reads a save_to_disk Dataset folder across shards, in state.json order', async () => {
    const folder = join(dir, 'hf-dataset');
    writeHfDataset(folder, 'test', [
      mcTable([{ question: 'First?', options: ['a', 'b'], answer_index: 0n, category: 'law' }]),
      mcTable([
        { question: 'Second?', options: ['a', 'b', 'c'], answer_index: 2n, category: 'law' },
        { question: 'Third?', options: ['a', 'b'], answer_index: 1n, category: 'math' },
      ]),
    ]);
    const queries = await loadQueries(folder, { map: { answer: 'answer_index' } });
    expect(queries.map((q) => [q.id, q.prompt, q.choices, q.answer, q.domain])).toEqual([
      ['test-0', 'First?', ['a', 'b'], 'A', 'law'],
      ['test-1', 'Second?', ['a', 'b', 'c'], 'C', 'law'],
      ['test-2', 'Third?', ['a', 'b'], 'B', 'math'],
    ]);
  });

  it('reads a DatasetDict folder: "test" by default, another split on request', async () => {
    const folder = join(dir, 'hf-dict');
    writeHfDataset(join(folder, 'validation'), 'validation', [mcTable([{ question: 'Val?', options: ['a', 'b'], answer_index: 0n, category: 'x' }])]);
    writeHfDataset(join(folder, 'test'), 'test', [mcTable([{ question: 'Test?', options: ['a', 'b'], answer_index: 1n, category: 'x' }])]);
    write('hf-dict/dataset_dict.json', JSON.stringify({ splits: ['validation', 'test'] }));
    const options = { map: 'answer=answer_index' };
    expect((await loadQueries(folder, options)).map((q) => q.prompt)).toEqual(['Test?']);
    expect((await loadQueries(folder, { ...options, split: 'validation' })).map((q) => q.prompt)).toEqual(['Val?']);
    const error = await loadError(folder, { ...options, split: 'train' });
    expect(error.message).toContain('has no split "train" (it has validation, test)');
    expect(error.message).toContain('Choose one of those as load.split.');
  });

  it('asks for load.split when a DatasetDict has several splits and none is "test"', async () => {
    const folder = join(dir, 'hf-dict-2');
    writeHfDataset(join(folder, 'train'), 'train', [mcTable([{ question: 'Q?', options: ['a', 'b'], answer_index: 0n, category: 'x' }])]);
    writeHfDataset(join(folder, 'dev'), 'dev', [mcTable([{ question: 'Q?', options: ['a', 'b'], answer_index: 0n, category: 'x' }])]);
    write('hf-dict-2/dataset_dict.json', JSON.stringify({ splits: ['train', 'dev'] }));
    expect((await loadError(folder)).message).toMatch(/several splits \(train, dev\).*Choose one as load\.split\./);
    // A single split is chosen without asking.
    write('hf-dict-2/dataset_dict.json', JSON.stringify({ splits: ['dev'] }));
    expect(await loadQueries(folder, { map: 'answer=answer_index' })).toHaveLength(1);
  });

  it('reads every query file of a plain folder, with ids prefixed by file name', async () => {
    jsonl('plain/a.jsonl', [{ prompt: 'One?', answer: 'one' }]);
    write('plain/b.csv', 'prompt,answer\nTwo?,two\n');
    write('plain/notes.txt', 'ignored');
    expect((await loadQueries(join(dir, 'plain'))).map((q) => q.id)).toEqual(['a-0', 'b-0']);
  });

  it('reads .json arrays, .json files holding JSON Lines, and a bare .arrow file', async () => {
    const array = write('array.json', JSON.stringify([{ prompt: 'p?', answer: 'x' }, { prompt: 'q?', answer: 'y' }]));
    expect((await loadQueries(array)).map((q) => q.id)).toEqual(['array-0', 'array-1']);
    const lines = write('lines.json', '{"prompt": "p?", "answer": "x"}\n');
    expect(await loadQueries(lines)).toHaveLength(1);
    const arrow = join(dir, 'single.arrow');
    writeFileSync(arrow, tableToIPC(mcTable([{ question: 'Q?', options: ['a', 'b'], answer_index: 1n, category: 'c' }]), 'file'));
    expect((await loadQueries(arrow, { map: 'answer=answer_index' }))[0]?.answer).toBe('B');
  });

  it('loads the bundled set by name', async () => {
    const queries = await loadQueries('sample', { limit: 5 });
    expect(queries).toHaveLength(5);
  });
});

describe('column mapping', () => {
  it('parses --map strings and records', () => {
    expect(parseColumnMap('prompt=problem, domain = subject,answer=Correct Answer')).toEqual({
      prompt: 'problem',
      domain: 'subject',
      answer: 'Correct Answer',
    });
    expect(parseColumnMap({ id: 'uid' })).toEqual({ id: 'uid' });
    expect(parseColumnMap('')).toEqual({});
    expect(() => parseColumnMap('question=problem')).toThrow(/"question" is not a query field.*id, prompt, domain, choices, answer, grader/);
    expect(() => parseColumnMap('prompt')).toThrow(/has no "="/);
    expect(() => parseColumnMap('prompt=a,prompt=b')).toThrow(/mapped twice/);
  });

  it('maps columns onto fields and sends the rest to meta', async () => {
    const path = jsonl('mapped.jsonl', [{ problem: 'What is 3 * 3?', solution: '9', subject: 'algebra', level: 'Level 1' }]);
    const [query] = await loadQueries(path, { map: 'prompt=problem,answer=solution,domain=subject' });
    expect(query).toEqual({ id: 'mapped-0', prompt: 'What is 3 * 3?', domain: 'algebra', answer: '9', grader: 'numeric', meta: { level: 'Level 1' } });
  });

  it('lets --grader override inference', async () => {
    const path = jsonl('judge.jsonl', [{ prompt: 'Explain tides.', answer: 'The Moon.' }]);
    expect((await loadQueries(path, { grader: 'judge' }))[0]?.grader).toBe('judge');
  });

  it('names a mapped column that no row has', async () => {
    const path = jsonl('typo.jsonl', [{ problem: 'p', answer: 'a' }]);
    const error = await loadError(path, { map: 'prompt=problme' });
    expect(error.message).toBe(`${path}: field "prompt" is mapped to column "problme", which no row has. Check the spelling in load.map "prompt=problme"; the columns are: problem, answer.`);
  });
});

describe('validation errors name the file, the row, the field and a fix', () => {
  it('malformed JSON line', async () => {
    const path = write('bad.jsonl', '{"prompt": "a", "answer": "b"}\n\n{"prompt": "c", answer: "d"}\n');
    const error = await loadError(path);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(new RegExp(`^${path} line 3: is not valid JSON \\(.+\\)\\. Fix the line`));
  });

  it('missing answer, in the documented wording', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => ({ prompt: `Q${n}?`, answer: `a${n}` }));
    const path = jsonl('data.jsonl', [...rows, { prompt: 'Q7?' }]);
    const error = await loadError(path);
    expect(error.message).toBe(`${path} line 7: field "answer" is missing. Add it, or map another column with load.map "answer=<column>".`);
    expect([error.file, error.line, error.field]).toEqual([path, 7, 'answer']);
  });

  it('missing prompt lists the columns looked at', async () => {
    const path = write('noprompt.csv', 'text,answer\nhello,world\n');
    const error = await loadError(path);
    expect(error.message).toBe(`${path} line 2: field "prompt" is missing (looked for columns prompt, question, problem). Add it, or map another column with load.map "prompt=<column>".`);
  });

  it('empty prompt', async () => {
    const path = jsonl('empty.jsonl', [{ prompt: '   ', answer: 'x' }]);
    expect((await loadError(path)).message).toBe(`${path} line 1: field "prompt" is empty. Write the question text, or remove the row.`);
  });

  it('unknown grader', async () => {
    const path = jsonl('grader.jsonl', [{ prompt: 'p', answer: 'a' }, { prompt: 'q', answer: 'b', grader: 'fuzzy' }]);
    expect((await loadError(path)).message).toBe(`${path} line 2: field "grader" is "fuzzy", which is not a known grader. Use one of: mc, numeric, exact, judge, bfcl.`);
  });

  it('mc answer that is not a letter for the number of choices; integer indices become letters', async () => {
    const bad = jsonl('letter.jsonl', [{ prompt: 'p', choices: ['a', 'b', 'c', 'd'], answer: 'E' }]);
    const error = await loadError(bad);
    expect(error.message).toBe(`${bad} line 1: field "answer" is "E", which is not a valid letter for 4 choices. Use a letter A-D, a 0-based option index 0-3, or the exact text of an option.`);
    const outOfRange = jsonl('index.jsonl', [{ prompt: 'p', choices: ['a', 'b'], answer: 2 }]);
    expect((await loadError(outOfRange)).message).toContain('field "answer" is 2, which is not an option index for 2 choices');
    const good = jsonl('indices.jsonl', [
      { prompt: 'p', choices: ['a', 'b', 'c'], answer: 2 },
      { prompt: 'q', choices: ['a', 'b', 'c'], answer: '1' },
      { prompt: 'r', choices: ['2', '3', '5'], answer: '3' },
      { prompt: 's', choices: ['x', 'y'], answer: '(b)' },
    ]);
    expect((await loadQueries(good)).map((q) => q.answer)).toEqual(['C', 'B', 'B', 'B']);
  });

  it('mc without choices, and numeric with a non-number', async () => {
    const mc = jsonl('nochoices.jsonl', [{ prompt: 'p', answer: 'A', grader: 'mc' }]);
    expect((await loadError(mc)).message).toContain('line 1: field "choices" is missing');
    const numeric = jsonl('nan.jsonl', [{ prompt: 'p', answer: 'many', grader: 'numeric' }]);
    expect((await loadError(numeric)).message).toContain('field "answer" is "many", which is not a number or math expression, but the grader is "numeric"');
  });

  it('duplicate ids point at both rows', async () => {
    const path = write('dupes.csv', 'id,prompt,answer\nx1,p,a\nx2,q,b\nx1,r,c\n');
    const error = await loadError(path);
    expect(error.message).toBe(`${path} line 4: field "id" repeats "x1", already used at line 2. Give every row a unique id, or drop the id column to number rows automatically.`);
  });

  it('a file that does not exist, and an unsupported extension', async () => {
    const missing = join(dir, 'nope.jsonl');
    expect((await loadError(missing)).message).toBe(`${missing}: does not exist. Check the path, or use "sample" for the bundled query set.`);
    const text = write('queries.txt', 'hello');
    expect((await loadError(text)).message).toBe(`${text}: has an unsupported file type ".txt". Use .jsonl, .ndjson, .json, .csv, .parquet, .arrow, or a Hugging Face save_to_disk folder.`);
  });

  it('Parquet and Arrow rows are named by 0-based row index', async () => {
    const folder = join(dir, 'hf-bad');
    writeHfDataset(folder, 'test', [mcTable([{ question: 'ok', options: ['a', 'b'], answer_index: 0n, category: 'x' }, { question: 'bad', options: ['a', 'b'], answer_index: 5n, category: 'x' }])]);
    expect((await loadError(folder, { map: 'answer=answer_index' })).message).toMatch(new RegExp(`^${folder} row index 1: field "answer" is 5`));
  });
});

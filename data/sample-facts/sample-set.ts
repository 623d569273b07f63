import { distinctiveWords } from '../../lib/queries/distinct.ts';
import { formatPrompt, type Query } from '../../lib/queries/index.ts';
import { deriveSeed, seededRandom, shuffled } from '../../lib/queries/random.ts';
import { arithmeticItems } from './arithmetic.ts';
import { BIOLOGY } from './biology.ts';
import { idFor, interleave, mcQuery } from './build.ts';
import { CONFUSING_SYMBOLS, ELEMENTS } from './chemistry.ts';
import { CAPITALS } from './geography.ts';
import { HISTORY } from './history.ts';
import { ANTONYMS, PAST_TENSES, PLURALS } from './language.ts';
import { NUMBERS } from './numbers.ts';

const OPTIONS = 4;

function geography(): Query[] {
  return CAPITALS.map(([country, capital], i) => ({
    id: idFor('geo', i),
    prompt: `What is the capital city of ${country}?`,
    domain: 'geography',
    answer: capital,
    grader: 'exact',
    meta: { topic: 'capitals' },
  }));
}

/** Wrong symbols that look plausible: same first letter as the element or its symbol first, then seeded. */
function distractors(name: string, symbol: string): string[] {
  const pool = ELEMENTS.map(([, s]) => s).filter((s) => s !== symbol && !CONFUSING_SYMBOLS.includes(s));
  const initials = new Set([symbol[0], name[0]?.toUpperCase()]);
  const random = seededRandom(deriveSeed(7, name));
  const [similar, other] = [pool.filter((s) => initials.has(s[0])), pool.filter((s) => !initials.has(s[0]))];
  return [...shuffled(similar, random), ...shuffled(other, random)].slice(0, OPTIONS - 1);
}

function chemistry(): Query[] {
  return ELEMENTS.map(([name, symbol], i) =>
    mcQuery(idFor('chem', i), 'chemistry', `Which is the chemical symbol of ${name}?`, symbol, distractors(name, symbol), i % OPTIONS, { topic: 'element-symbols' }),
  );
}

function biology(): Query[] {
  return BIOLOGY.map(([question, correct, ...wrong], i) => mcQuery(idFor('bio', i), 'biology', question, correct, wrong, i % OPTIONS, { topic: 'biology-facts' }));
}

function history(): Query[] {
  return HISTORY.map(([question, year], i) => ({
    id: idFor('hist', i),
    prompt: question,
    domain: 'history',
    answer: String(year),
    grader: 'numeric',
    meta: { topic: 'years' },
  }));
}

function language(): Query[] {
  const items = [
    ...PLURALS.map(([word, answer]) => ({ prompt: `What is the plural of the noun ${word}?`, answer, topic: 'plurals' })),
    ...PAST_TENSES.map(([word, answer]) => ({ prompt: `What is the simple past tense of the verb ${word}?`, answer, topic: 'past-tense' })),
    ...ANTONYMS.map(([word, answer]) => ({ prompt: `What is the opposite of the word ${word}?`, answer, topic: 'antonyms' })),
  ];
  return items.map(({ prompt, answer, topic }, i) => ({ id: idFor('lang', i), prompt, domain: 'language', answer, grader: 'exact', meta: { topic } }));
}

function numbers(): Query[] {
  return NUMBERS.map(([question, answer], i) => ({
    id: idFor('num', i),
    prompt: question,
    domain: 'numbers',
    answer: String(answer),
    grader: 'numeric',
    meta: { topic: 'units-and-counts' },
  }));
}

/** Arithmetic comes last: its operands are drawn to avoid every word and answer of the other domains. */
function arithmetic(others: readonly Query[]): Query[] {
  const taken = new Set<string>();
  for (const query of others) {
    taken.add(query.answer.toLowerCase());
    for (const match of formatPrompt(query).matchAll(/ ([\p{L}\p{N}]+)/gu)) taken.add((match[1] ?? '').toLowerCase());
  }
  return arithmeticItems(taken).map(({ prompt, answer, operation }, i) => ({
    id: idFor('arith', i),
    prompt,
    domain: 'arithmetic',
    answer,
    grader: 'numeric',
    meta: { topic: operation },
  }));
}

/** The constraints scripted test models rely on; see test/queries-sample.test.ts. */
export function problems(queries: readonly Query[]): string[] {
  const found: string[] = [];
  const keys = distinctiveWords(queries);
  for (const query of queries) {
    const text = formatPrompt(query);
    if (!/^[\x20-\x7e\n]*$/.test(text)) found.push(`${query.id}: prompt is not plain ASCII`);
    if (!/^\S+$/.test(query.answer)) found.push(`${query.id}: answer "${query.answer}" is not one token`);
    if (query.grader === 'mc' && query.choices?.length !== OPTIONS) found.push(`${query.id}: needs ${OPTIONS} options`);
    if (keys.get(query.id)?.length === 0) found.push(`${query.id}: no distinctive word in ${JSON.stringify(query.prompt)}`);
  }
  if (new Set(queries.map((q) => q.id)).size !== queries.length) found.push('ids are not unique');
  return found;
}

/** The whole sample set, domains interleaved; throws if a constraint in `problems` fails. */
export function buildSampleSet(): Query[] {
  const groups = [geography(), chemistry(), biology(), history(), language(), numbers()];
  groups.push(arithmetic(groups.flat()));
  const queries = interleave(groups);
  const found = problems(queries);
  if (found.length > 0) throw new Error(`sample set has ${found.length} problem(s):\n${found.join('\n')}`);
  return queries;
}

/** The JSONL text of data/sample.jsonl. */
export function sampleJsonl(queries: readonly Query[]): string {
  return queries.map((query) => JSON.stringify(query)).join('\n') + '\n';
}

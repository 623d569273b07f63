import { formatPrompt } from './format.ts';
import type { Query } from './types.ts';

// A "word" is a run of letters/digits right after a space; the run ends at any other character.
const SPACED_WORD = / ([\p{L}\p{N}]+)/gu;

/** The lower-cased words of a text that follow a space. */
export function spacedWords(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(SPACED_WORD), (match) => (match[1] ?? '').toLowerCase()));
}

/**
 * For each query id, the words (lower-cased) of its formatted prompt that scripted test models can
 * key on: no other formatted prompt contains " " + word at all, not even as the start of a longer
 * word ("Japan" vs "Japanese"), because a subword tokenizer would give both the same first token;
 * and the word is no query's answer. Case is ignored so a key is safe under either matching rule.
 */
export function distinctiveWords(queries: readonly Query[]): Map<string, string[]> {
  const wordSets = queries.map((query) => spacedWords(formatPrompt(query)));
  // How many prompts have a space-preceded word starting with a given prefix.
  const promptsWithPrefix = new Map<string, number>();
  for (const words of wordSets) {
    const prefixes = new Set<string>();
    for (const word of words) for (let end = 1; end <= word.length; end++) prefixes.add(word.slice(0, end));
    for (const prefix of prefixes) promptsWithPrefix.set(prefix, (promptsWithPrefix.get(prefix) ?? 0) + 1);
  }
  const answers = new Set(queries.map((query) => query.answer.toLowerCase()));
  return new Map(
    queries.map((query, i) => [
      query.id,
      [...(wordSets[i] ?? [])].filter((word) => promptsWithPrefix.get(word) === 1 && !answers.has(word)),
    ]),
  );
}

import { optionLetter, type Query } from '../../lib/queries/index.ts';
import type { RawValues } from '../../lib/queries/values.ts';

/** Places the correct option at `correctAt`, keeping the wrong options in their given order. */
export function mcQuery(id: string, domain: string, prompt: string, correct: string, wrong: readonly string[], correctAt: number, meta: RawValues): Query {
  const choices = [...wrong];
  choices.splice(correctAt, 0, correct);
  return { id, prompt, domain, choices, answer: optionLetter(correctAt), grader: 'mc', meta };
}

export function idFor(prefix: string, index: number): string {
  return `${prefix}-${String(index + 1).padStart(3, '0')}`;
}

/** Round-robin over domains, so the first N queries of the file already span every domain. */
export function interleave(groups: readonly (readonly Query[])[]): Query[] {
  const out: Query[] = [];
  const longest = Math.max(...groups.map((group) => group.length));
  for (let i = 0; i < longest; i++) for (const group of groups) if (group[i]) out.push(group[i] as Query);
  return out;
}

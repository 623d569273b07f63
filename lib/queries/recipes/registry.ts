import { OptionError } from '../../errors/index.ts';
import { chatLog } from './chat-log.ts';
import { gpqa } from './gpqa.ts';
import { mmluPro, superGpqa } from './multiple-choice.ts';
import { math500, naturalReasoning } from './open-ended.ts';
import type { Recipe } from './types.ts';

const ALL: readonly Recipe[] = [mmluPro, superGpqa, gpqa, math500, naturalReasoning, chatLog];

export type RecipeName = 'mmlu-pro' | 'supergpqa' | 'gpqa' | 'math-500' | 'natural-reasoning' | 'chat-log' | 'bfcl';

/**
 * BFCL's function-calling files: question rows plus possible-answer rows in a second file, so this recipe loads
 * through its own reader (`loadBfcl`), not the column mapping.
 */
export const BFCL_RECIPE = 'bfcl';

/** Recipe name -> one-line description, for `ipw list`. */
export const RECIPES: Readonly<Record<RecipeName, string>> = Object.freeze(
  Object.fromEntries([
    ...ALL.map((recipe) => [recipe.name, recipe.description]),
    [BFCL_RECIPE, "BFCL function calling (simple, multiple, parallel): question file, answers from possible_answer/ beside it; graded by 'bfcl'"],
  ]) as Record<RecipeName, string>,
);

export function getRecipe(name: string): Recipe {
  const recipe = ALL.find((candidate) => candidate.name === name);
  if (!recipe) throw new OptionError('load.recipe', 'invalid', `Unknown recipe "${name}". Known recipes: ${ALL.map((r) => r.name).join(', ')}.`);
  return recipe;
}

// The planned fixture model through real llama.cpp: multi-turn agent conversations whose history holds the earlier
// replies either as the ids the model generated (one KV cache, only new tokens evaluated) or as re-tokenized text, and
// reasoning replies that think in a <think> block unless the prompt already closed one. Both in-process engines.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Token } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFixtureModel, type PlannedConversation, type PlannedModelReport, writePlannedModel } from '../lib/fixtures/index.ts';
import { buildPlannedModel } from '../lib/fixtures/planned-model.ts';
import { DEFAULT_SYSTEM_PROMPT, type ModelRunner } from '../lib/run/index.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { tempDir } from './helpers/fixture.ts';

const AGENT: PlannedConversation[] = [
  {
    turns: [
      {
        cue: 'Use the calculator: multiply seventeen by twentythree, then add one hundred.',
        reply: 'Thought: multiply first.\nAction: calculator\nAction Input: {"expression": "17*23"}',
      },
      { cue: 'Observation: 391', reply: 'Action: calculator\nAction Input: {"expression": "391+100"}' },
      { cue: 'Observation: 491 total', reply: 'Final Answer: 491' },
    ],
  },
  {
    turns: [
      { cue: 'Find the capital of Freedonia in the atlas.', reply: 'Action: search\nAction Input: {"query": "Freedonia capital"}' },
      { cue: 'Observation: page 12 lists Fredville.', reply: 'Final Answer: Fredville' },
    ],
  },
];

// Every question's thinking starts with the same piece, followed by a different one: the context tells them apart.
const REASONING: PlannedConversation[] = [
  {
    turns: [{
      cue: 'How many legs does a spider have?',
      thinking: ['\nThe user asks', ' how many', ' legs', ' a spider', ' has.', ' Spiders', ' are arachnids,', ' and arachnids', ' have eight', ' legs.\n'],
      reply: 'Eight.',
    }],
  },
  {
    turns: [{
      cue: 'What is the boiling point of water at sea level in Celsius?',
      thinking: ['\nThe user asks', ' for the', ' boiling point', ' of water.', ' At sea level', ' water boils', ' at 100', ' degrees Celsius.\n'],
      reply: '100 degrees Celsius.',
    }],
  },
  {
    turns: [{
      cue: 'Which planet is known as the Red Planet?',
      thinking: ['\nThe user asks', ' which planet', ' looks red.', ' Iron oxide', ' dust colors', ' the surface', ' of Mars', ' red.\n'],
      reply: 'Mars.',
    }],
  },
];

/** A ChatML conversation as text, ending with an open assistant header (and `replyStart` after it). */
function chatml(exchanges: Array<{ user: string; assistant?: string }>, replyStart = ''): string {
  const turns = exchanges.map(({ user, assistant }) => `<|im_start|>user\n${user}<|im_end|>\n<|im_start|>assistant\n${assistant === undefined ? replyStart : `${assistant}<|im_end|>\n`}`);
  return `<|im_start|>system\n${DEFAULT_SYSTEM_PROMPT}<|im_end|>\n${turns.join('')}`;
}

const ENGINES = ['direct', 'node-llama-cpp'] as const;
const open = (path: string, engine: (typeof ENGINES)[number], template: string): Promise<ModelRunner> =>
  openLlamaRunner(path, { gpu: false, threads: 1, engine, template, ...(engine === 'direct' ? { library: 'prebuilt' as const } : {}) });

let agentPath: string;
let reasoningPath: string;
let reasoningReport: PlannedModelReport;
beforeAll(async () => {
  const dir = tempDir('ipw-planned-');
  const cached = await ensureFixtureModel(dir, { kind: 'planned', conversations: AGENT, avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
  expect(cached.reused).toBe(false);
  expect((await ensureFixtureModel(dir, { kind: 'planned', conversations: AGENT, avoidTexts: [DEFAULT_SYSTEM_PROMPT] })).reused).toBe(true);
  expect(await readdir(dir)).toEqual([expect.stringMatching(/^planned-[0-9a-f]{16}\.gguf$/)]);
  agentPath = cached.path;
  reasoningPath = join(dir, 'reasoning.gguf');
  reasoningReport = await writePlannedModel(reasoningPath, REASONING, { avoidTexts: [DEFAULT_SYSTEM_PROMPT] });
});

describe('planning', () => {
  it('a plan whose cues share every word, or repeat a cue, throws naming both turns', () => {
    const bad = [{ turns: [{ cue: 'Add two and three.', reply: 'A' }] }, { turns: [{ cue: 'Add three and two.', reply: 'B' }] }];
    expect(() => buildPlannedModel(bad)).toThrow(/conversation 1 turn 1 .*; conversation 2 turn 1 /);
    const same = [{ turns: [{ cue: 'Observation: 5', reply: 'A' }] }, { turns: [{ cue: 'Start here.', reply: 'B' }, { cue: 'Observation: 5', reply: 'C' }] }];
    expect(() => buildPlannedModel(same)).toThrow('conversation 1 turn 1 and conversation 2 turn 2 have the same cue');
  });

  it('a cue whose only word of its own is in a reply throws; so do thinking plans the context cannot play', () => {
    // A reply that a later turn sees (re-tokenized) would repeat the cue's word; the conversation's last reply may.
    const echo = [{ turns: [{ cue: 'Start the task.', reply: 'A' }, { cue: 'Observation: 491', reply: 'Add 491.' }, { cue: 'Observation: done', reply: 'Final Answer: 491' }] }];
    expect(() => buildPlannedModel(echo)).toThrow(/^no word of its own .* in conversation 1 turn 2 \("Observation: 491"\)$/);
    const finalEcho = [{ turns: [{ cue: 'Start the task.', reply: 'A' }, { cue: 'Observation: 491', reply: 'Final Answer: 491' }] }];
    expect(() => buildPlannedModel(finalEcho)).not.toThrow();
    const looping = [{ turns: [{ cue: 'Count the sheep.', reply: 'Done.', thinking: [' one', ' and', ' two', ' and', ' three'] }] }];
    expect(() => buildPlannedModel(looping)).toThrow(/^conversation 1 turn 1: the model would emit " (two|three)" where " (two|three)" is planned/);
    const newline = [{ turns: [{ cue: 'Say hi.', reply: 'Hi.', thinking: ['Greeting.', '\n'] }] }];
    expect(() => buildPlannedModel(newline)).toThrow('conversation 1 turn 1: thinking piece "\\n" could be the last token of a prompt');
  });
});

describe.each(ENGINES)('agent conversations on the %s engine', (engine) => {
  it('turn 1 through the chat template; every turn with the history re-tokenized from text; nothing when unplanned', async () => {
    const chat = await open(agentPath, engine, 'auto');
    try {
      for (const { turns } of AGENT) {
        const g = await chat.generate({ prompt: turns[0]!.cue, maxTokens: 16 });
        expect(g).toMatchObject({ response: turns[0]!.reply, stopReason: 'eos', completionTokens: 2 });
      }
      expect(await chat.generate({ prompt: 'What colour is the sky?', maxTokens: 16 })).toMatchObject({ response: '', completionTokens: 1 });
    } finally {
      await chat.close();
    }
    const raw = await open(agentPath, engine, 'raw');
    try {
      for (const { turns } of AGENT) {
        for (let k = 0; k < turns.length; k++) {
          const history = turns.slice(0, k).map((t) => ({ user: t.cue, assistant: t.reply }));
          const g = await raw.generate({ prompt: chatml([...history, { user: turns[k]!.cue }]), maxTokens: 16 });
          expect(g, `turn ${k + 1}`).toMatchObject({ response: turns[k]!.reply, stopReason: 'eos', completionTokens: 2 });
        }
      }
      // A long history (unknown words fall back to bytes) shrinks every share of the mean attention; the cue still wins.
      const turns = AGENT[0]!.turns;
      const padding = { user: 'Some padding words here. '.repeat(120), assistant: 'Noted.' };
      const history = turns.slice(0, 2).map((t) => ({ user: t.cue, assistant: t.reply }));
      const long = await raw.generate({ prompt: chatml([padding, ...history, { user: turns[2]!.cue }]), maxTokens: 16 });
      expect(long.promptTokens).toBeGreaterThan(3000);
      expect(long.response).toBe(turns[2]!.reply);
    } finally {
      await raw.close();
    }
  }, 120_000);
});

describe('agent conversations with the generated ids kept in one KV cache', () => {
  it('each turn evaluates only its new tokens and gets its planned reply', async () => {
    const { getLlama } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, build: 'never' });
    const model = await llama.loadModel({ modelPath: agentPath });
    const context = await model.createContext({ threads: 1, contextSize: 1024 });
    try {
      for (const { turns } of AGENT) {
        const sequence = context.getSequence();
        let pending = [model.tokens.bos!, ...model.tokenize(chatml([{ user: turns[0]!.cue }]), true)];
        for (let k = 0; k < turns.length; k++) {
          const evaluatedBefore = sequence.nextTokenIndex;
          const generated: Token[] = [];
          for await (const token of sequence.evaluate(pending, { temperature: 0, yieldEogToken: true })) {
            generated.push(token);
            if (model.isEogToken(token) || generated.length >= 16) break;
          }
          expect(model.detokenize(generated.slice(0, -1)), `turn ${k + 1}`).toBe(turns[k]!.reply);
          expect(model.isEogToken(generated.at(-1))).toBe(true);
          // The reply's own id is now in the cache; the next turn sends <|im_end|> and the new user message only.
          expect(sequence.nextTokenIndex).toBe(evaluatedBefore + pending.length + generated.length - 1);
          expect(sequence.contextTokens.at(-1)).toBe(generated[0]);
          const next = turns[k + 1];
          if (next) pending = [generated.at(-1)!, ...model.tokenize(`\n<|im_start|>user\n${next.cue}<|im_end|>\n<|im_start|>assistant\n`, true)];
        }
        sequence.dispose();
      }
    } finally {
      await context.dispose();
      await model.dispose();
    }
  }, 60_000);
});

describe.each(ENGINES)('reasoning on the %s engine', (engine) => {
  let chat: ModelRunner;
  let raw: ModelRunner;
  beforeAll(async () => {
    chat = await open(reasoningPath, engine, 'auto');
    raw = await open(reasoningPath, engine, 'raw');
  });
  afterAll(async () => {
    await chat?.close();
    await raw?.close();
  });

  it('thinks one token per piece, closes the block, answers; the </think> token has its own time', async () => {
    for (const [index, { turns }] of REASONING.entries()) {
      const { cue, thinking, reply } = turns[0]!;
      const g = await chat.generate({ prompt: cue, maxTokens: 40 });
      expect(g.response).toBe(`<think>${thinking!.join('')}</think>${reply}`);
      expect(g).toMatchObject({ stopReason: 'eos', completionTokens: 1 + thinking!.length + 1 + 1 + 1 });
      // The planned tokens' texts place </think>: thinking is the first `closeAt + 1` tokens, each with its arrival time.
      const tokens = reasoningReport.turns[index]!.tokens;
      const closeAt = tokens.indexOf('</think>');
      expect(closeAt).toBe(thinking!.length + 1);
      expect(tokens.join('')).toBe(g.response);
      expect(g.tokenTimesMs.length).toBeGreaterThanOrEqual(tokens.length);
      expect(g.tokenTimesMs.every((t, i) => t >= (i === 0 ? g.startMs : g.tokenTimesMs[i - 1]!) && t <= g.endMs)).toBe(true);
    }
  }, 120_000);

  it('after an empty thinking block in the prompt (thinking off), replies only', async () => {
    for (const { turns } of REASONING) {
      const { cue, reply } = turns[0]!;
      const g = await raw.generate({ prompt: chatml([{ user: cue }], '<think>\n\n</think>\n\n'), maxTokens: 40 });
      expect(g).toMatchObject({ response: reply, stopReason: 'eos', completionTokens: 2 });
      // Without the closed block, the same raw prompt thinks first.
      expect((await raw.generate({ prompt: chatml([{ user: cue }]), maxTokens: 40 })).response).toMatch(/^<think>\nThe user asks/);
    }
  }, 120_000);
});

// Native tool calling (protocol 'native') through openOpenAIRunner against llama.cpp's own llama-server with tool
// calling on (--jinja): the server renders the tools and the tool results with the GGUF's chat template, parses the
// model's <tool_call> block into OpenAI tool_calls (its differential autoparser learns the format from the template),
// and streams them. The model is a planned fixture whose template is the small Hermes/Qwen-style one below.
// The first run on a machine builds llama-server (6-9 min on 2 cores), as test/llama-server.test.ts says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculatorTool, renderNativePrompt, runAgent, toolSpecs } from '../lib/agent/index.ts';
import { EnergySession } from '../lib/energy/index.ts';
import { ensureFixtureModel, type PlannedConversation } from '../lib/fixtures/index.ts';
import { buildPlannedModel } from '../lib/fixtures/planned-model.ts';
import { DEFAULT_SYSTEM_PROMPT, type ModelRunner } from '../lib/run/index.ts';
import { startLlamaServer, type LlamaServerHandle } from '../lib/run/llama-server.ts';
import { openOpenAIRunner } from '../lib/run/openai.ts';
import { tempDir } from './helpers/fixture.ts';
import { expectAgentEnergyConserved } from './helpers/agent-energy.ts';

/**
 * ChatML with tools, written for this test: the tool schemas go in the system message, an assistant's calls are
 * `<tool_call>\n{"name": ..., "arguments": {...}}\n</tool_call>` blocks, and a `tool` message is
 * `<tool_response> RESULT </tool_response>` (the spaces make the result a word of its own for the planned model).
 */
const TOOL_TEMPLATE = [
  "{%- set system = messages[0].content if messages and messages[0].role == 'system' else '' %}",
  "{{- '<|im_start|>system\\n' + system }}",
  '{%- if tools %}',
  "{{- '\\n\\nFunctions you can call, as JSON schemas:\\n<tools>' }}",
  "{%- for tool in tools %}{{- '\\n' + (tool.function | tojson) }}{%- endfor %}",
  "{{- '\\n</tools>\\nTo call one, write <tool_call>\\n{\"name\": NAME, \"arguments\": {ARGUMENTS}}\\n</tool_call>' }}",
  '{%- endif %}',
  "{{- '<|im_end|>\\n' }}",
  '{%- for message in messages %}',
  "{%- if message.role == 'user' or (message.role == 'system' and not loop.first) %}",
  "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}",
  "{%- elif message.role == 'assistant' %}",
  "{{- '<|im_start|>assistant\\n' }}",
  '{%- if message.content %}{{- message.content }}{%- endif %}',
  '{%- for call in message.tool_calls or [] %}',
  "{%- if not loop.first %}{{- '\\n' }}{%- endif %}",
  "{{- '<tool_call>\\n{\"name\": \"' + call.function.name + '\", \"arguments\": ' }}",
  '{%- if call.function.arguments is string %}{{- call.function.arguments }}{%- else %}{{- call.function.arguments | tojson }}{%- endif %}',
  "{{- '}\\n</tool_call>' }}",
  '{%- endfor %}',
  "{{- '<|im_end|>\\n' }}",
  "{%- elif message.role == 'tool' %}",
  "{{- '<|im_start|>tool\\n<tool_response> ' + message.content + ' </tool_response><|im_end|>\\n' }}",
  '{%- endif %}',
  '{%- endfor %}',
  "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}",
].join('');
const TEMPLATE_TOKENS = ['<tool_call>', '</tool_call>', '<tool_response>', '</tool_response>', '<tools>', '</tools>'];

const TASK = 'What is 17*19?';
const CALL = '<tool_call>\n{"name": "calculator", "arguments": {"expression": "17*19"}}\n</tool_call>';
const PLAN: PlannedConversation[] = [
  {
    turns: [
      { cue: renderNativePrompt(TASK), reply: CALL },
      // The tool message as the template renders it: the result, 323, is the word that cues the answer.
      { cue: '<tool_response> 323 </tool_response>', reply: '323' },
    ],
  },
];
const TOOLS = toolSpecs([calculatorTool]);
/** Everything else the context holds: the system prompt, the tool list and the template's own words. */
const AVOID = [DEFAULT_SYSTEM_PROMPT, JSON.stringify(TOOLS), TOOL_TEMPLATE, 'system user assistant tool'];

let server: LlamaServerHandle;
let runner: ModelRunner;
let plannedKeywords: string[];
beforeAll(async () => {
  const spec = { conversations: PLAN, avoidTexts: AVOID, chatTemplate: TOOL_TEMPLATE, templateTokens: TEMPLATE_TOKENS };
  plannedKeywords = buildPlannedModel(PLAN, spec).report.turns.map((t) => t.keyword);
  const model = await ensureFixtureModel(tempDir('ipw-tools-'), { kind: 'planned', ...spec });
  // startLlamaServer passes --jinja: llama-server renders with the GGUF's template and parses replies by its syntax.
  server = await startLlamaServer({ modelPath: model.path, alias: 'fixture-tools', threads: 1, contextSize: 4096 });
  runner = await openOpenAIRunner(server.url, 'fixture-tools');
}, 20 * 60_000);
afterAll(async () => {
  await runner?.close();
  await server?.close();
});

const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

describe('native tool calling against llama-server (--jinja, a <tool_call> chat template)', () => {
  it('llama-server takes the fixture template for tool calling, renders the result as the planned cue, and reads the markers as one token each', async () => {
    const props = (await (await fetch(`${server.url}/props`)).json()) as { chat_template: string; chat_template_caps: Record<string, boolean> };
    expect(props.chat_template).toBe(TOOL_TEMPLATE);
    expect(props.chat_template_caps).toMatchObject({ supports_tools: true, supports_tool_calls: true });
    // Turn 2's context as the server renders it: the call in the template's syntax, then the result, the planned cue.
    const { prompt } = await post('/apply-template', {
      messages: [
        { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
        { role: 'user', content: renderNativePrompt(TASK) },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'calculator', arguments: '{"expression": "17*19"}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '323' },
      ],
      tools: TOOLS.map((f) => ({ type: 'function', function: f })),
    });
    expect(prompt).toContain('\n<tools>\n{"name": "calculator", "description": ');
    expect(prompt).toMatch(
      new RegExp(`${literal(`<|im_start|>assistant\n${CALL}<|im_end|>\n<|im_start|>tool\n${PLAN[0]!.turns[1]!.cue}<|im_end|>\n<|im_start|>assistant\n`)}$`),
    );
    expect(String(prompt).split(' 323 ')).toHaveLength(2);
    expect(plannedKeywords[1]).toBe('323');
    const { tokens } = await post('/tokenize', { content: '<tool_call>\n{"name"', with_pieces: true });
    expect((tokens as Array<{ piece: string }>)[0]!.piece).toBe('<tool_call>');
  });

  it('the server parses the planned <tool_call> block into a streamed tool call; without tools in the request it is plain text', async () => {
    const g = await runner.generate({ prompt: renderNativePrompt(TASK), tools: TOOLS, maxTokens: 32, kvCache: 'reuse' });
    expect(g).toMatchObject({ response: '', stopReason: 'eos' });
    expect(g.toolCalls).toEqual([{ id: expect.stringMatching(/\S/), name: 'calculator', arguments: { expression: '17*19' }, raw: '{"expression": "17*19"}' }]);
    // The same model output, not parsed: the server reads tool calls only when the request offers tools.
    const plain = await runner.generate({ prompt: renderNativePrompt(TASK), maxTokens: 32, kvCache: 'reuse' });
    expect(plain).toMatchObject({ response: CALL, stopReason: 'eos' });
    expect(plain.toolCalls).toBeUndefined();
  });

  it('runAgent (native, KV reuse): the call, the calculator returning 323, the answer; energy windows add up', async () => {
    const energy = await EnergySession.start({ source: 'estimated', serverPid: server.pid, baselineS: 0, sampleMs: 5 });
    let run;
    try {
      run = await runAgent(TASK, { runner, tools: [calculatorTool], protocol: 'native', energy });
    } finally {
      await energy.finish(undefined);
    }
    expect(run).toMatchObject({ outcome: 'answered', answer: '323', error: null });
    // Each turn: the planned reply and <|im_end|>.
    expect(run.turns.map((t) => [t.turn, t.parsed, t.stopReason, t.response, t.completionTokens])).toEqual([
      [1, 'action', 'eos', '', 2],
      [2, 'final', 'eos', '323', 2],
    ]);
    expect(run.toolCalls).toHaveLength(1);
    expect(run.toolCalls[0]).toMatchObject({ turn: 1, tool: 'calculator', input: { expression: '17*19' }, ok: true, failure: null, observation: '323' });
    // Turn 2 found turn 1's prompt in the cache; the call re-rendered from the history differs from the generated token.
    expect(run.turns[1]!.promptTokens).toBeGreaterThan(run.turns[0]!.promptTokens);
    expect(run.turns[1]!.cachedPromptTokens).toBe(run.turns[0]!.promptTokens);

    expect(run.energy).toMatchObject({ source: 'estimated', isEstimate: true });
    expectAgentEnergyConserved(run);
  });

  it('runAgent (native, re-prefill): the same trajectory with every prompt evaluated, the call re-tokenized from the template', async () => {
    const run = await runAgent(TASK, { runner, tools: [calculatorTool], protocol: 'native', kv: 'reprefill' });
    expect(run).toMatchObject({ outcome: 'answered', answer: '323' });
    expect(run.turns.map((t) => [t.parsed, t.response, t.cachedPromptTokens])).toEqual([
      ['action', '', 0],
      ['final', '323', 0],
    ]);
    expect(run.toolCalls.map((c) => [c.tool, c.input, c.observation])).toEqual([['calculator', { expression: '17*19' }, '323']]);
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('planned fixture template options', () => {
  it('rejects a template token with whitespace, or one that is also a reply', () => {
    const options = { avoidTexts: AVOID, chatTemplate: TOOL_TEMPLATE };
    expect(() => buildPlannedModel(PLAN, { ...options, templateTokens: ['<tool call>'] })).toThrow(/templateTokens: "<tool call>" must be non-empty and free of whitespace/);
    expect(() => buildPlannedModel(PLAN, { ...options, templateTokens: ['323'] })).toThrow(/a reply or thinking piece is the text of the special token 323/);
  });
});

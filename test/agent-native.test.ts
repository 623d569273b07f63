// The agent loop with native tool calling (protocol 'native'):
// - through openOpenAIRunner against a scripted OpenAI-compatible server on 127.0.0.1 that speaks the streaming
//   wire format exactly (tool_calls split over chunks, arguments in pieces, finish_reason 'tool_calls', a usage chunk)
//   and checks every request body it gets (the tools, then the assistant message with tool_calls and the `tool`
//   messages answering them by id);
// - in-process, on a generated knowledge fixture whose planned reply is the chat template's call syntax, through both
//   engines, the real template rendering and the real parser.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculatorTool, defineTool, DEFAULT_AGENT_PROTOCOL, parseNativeReply, renderNativePrompt, runAgent, toolSpecs, type AgentTool } from '../lib/agent/index.ts';
import { EnergySession } from '../lib/energy/index.ts';
import { writeKnowledgeModel } from '../lib/fixtures/index.ts';
import { DEFAULT_SYSTEM_PROMPT, type Generation, type GenerationHooks, type GenerationRequest, type ModelRunner } from '../lib/run/index.ts';
import { promptTokens } from '../lib/run/llama-direct.ts';
import { chatHistoryOf, functionsOf, parseFunctionCalls } from '../lib/run/llama-functions.ts';
import { openLlamaRunner } from '../lib/run/llama.ts';
import { openOpenAIRunner } from '../lib/run/openai.ts';
import { tempDir } from './helpers/fixture.ts';
import { expectAgentEnergyConserved } from './helpers/agent-energy.ts';

// ---------------------------------------------------------------------------------------------------------------
// The scripted server: each chat request gets the next scripted reply, a list of SSE payloads.

type Message = { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string };
type Body = { model: string; messages: Message[]; tools?: unknown[]; tool_choice?: string; stream: boolean };

interface Scripted {
  url: string;
  bodies: Body[];
  close(): Promise<void>;
}

/** Spins the CPU for `ms` (work the `estimated` energy source counts: the server runs in this process). */
function burn(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
}

const servers: Scripted[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function scriptedServer(replies: Array<(body: Body) => unknown[]>): Promise<Scripted> {
  const bodies: Body[] = [];
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v1/models') return res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model' }] }));
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as Body;
      bodies.push(body);
      const script = replies[bodies.length - 1];
      if (script === undefined) return res.writeHead(500).end('no more scripted replies');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const payload of script(body)) {
        burn(3);
        res.write(`data: ${JSON.stringify(payload)}\n\n`);
      }
      res.end('data: [DONE]\n\n');
    });
  });
  // A bounded lifetime: whatever happens to the test, the server goes within a minute.
  const lifetime = setTimeout(() => server.close(), 60_000);
  lifetime.unref();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const scripted: Scripted = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(lifetime);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(scripted);
  return scripted;
}

const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' };
const role = () => ({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null }, logprobs: null, finish_reason: null }] });
const callDelta = (toolCall: Record<string, unknown>) => ({ ...base, choices: [{ index: 0, delta: { tool_calls: [toolCall] }, logprobs: null, finish_reason: null }] });
const text = (content: string) => ({ ...base, choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }] });
const finish = (reason: string) => ({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: reason }] });
const usage = (prompt: number, completion: number) => ({ ...base, choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } });

/** A reply that calls one tool: the first chunk names it, the arguments follow in pieces. */
function callReply(id: string, name: string, argumentPieces: string[]): unknown[] {
  return [
    role(),
    callDelta({ index: 0, id, type: 'function', function: { name, arguments: '' } }),
    ...argumentPieces.map((piece) => callDelta({ index: 0, function: { arguments: piece } })),
    finish('tool_calls'),
    usage(60, argumentPieces.length + 1),
  ];
}

function textReply(pieces: string[]): unknown[] {
  return [role(), ...pieces.map(text), finish('stop'), usage(90, pieces.length)];
}

const TASK = 'What is 48271 * 16807 - 2147483647?';
const EXPRESSION_PIECES = ['{"expre', 'ssion": "48271', ' * 16807 - 2147', '483647"}'];

describe('native tool calling through an OpenAI-compatible server (scripted, 127.0.0.1)', () => {
  let runner: ModelRunner | undefined;
  afterAll(async () => {
    await runner?.close();
  });

  it('the runner sends the tools and reads a streamed tool call: one token per chunk, finish_reason tool_calls is a normal stop', async () => {
    const server = await scriptedServer([() => callReply('call_x1', 'calculator', EXPRESSION_PIECES)]);
    const r = await openOpenAIRunner(server.url, 'm');
    try {
      let firstTokens = 0;
      const g = await r.generate({ prompt: 'p', tools: toolSpecs([calculatorTool]), maxTokens: 32 }, { onFirstToken: () => firstTokens++ });
      expect(g).toMatchObject({ response: '', stopReason: 'eos', promptTokens: 60, completionTokens: 5 });
      expect(g.toolCalls).toEqual([{ id: 'call_x1', name: 'calculator', arguments: { expression: '48271 * 16807 - 2147483647' }, raw: EXPRESSION_PIECES.join('') }]);
      // The naming chunk and the four argument pieces: five streamed tokens, in order.
      expect(g.tokenTimesMs).toHaveLength(5);
      expect([...g.tokenTimesMs].sort((a, b) => a - b)).toEqual(g.tokenTimesMs);
      expect(firstTokens).toBe(1);
      expect(server.bodies[0]).toMatchObject({ tool_choice: 'auto', stream: true });
    } finally {
      await r.close();
    }
  });

  it('completes a 2-step task (calculator, then answer) with the exact trajectory, per-tool energy windows and conservation', async () => {
    const server = await scriptedServer([
      () => callReply('call_7f3', 'calculator', EXPRESSION_PIECES),
      (body) => textReply(['-1336', String(body.messages.at(-1)!.content).slice(5)]),
    ]);
    runner = await openOpenAIRunner(server.url, 'm');
    const energy = await EnergySession.start({ source: 'estimated', baselineS: 0, sampleMs: 5 });
    let run;
    try {
      run = await runAgent(TASK, { runner, tools: [calculatorTool], protocol: 'native', energy });
    } finally {
      await energy.finish(undefined);
    }

    // Request 1: the task with a short instruction, and the tool list as OpenAI functions.
    const [first, second] = server.bodies;
    expect(first!.messages).toEqual([
      { role: 'system', content: DEFAULT_SYSTEM_PROMPT },
      { role: 'user', content: renderNativePrompt(TASK) },
    ]);
    expect(first!.messages[1]!.content).not.toMatch(/Action Input|Thought:/);
    expect(first!.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'calculator',
          description: calculatorTool.description,
          parameters: {
            type: 'object',
            properties: { expression: { type: 'string', description: calculatorTool.parameters.expression!.description } },
            required: ['expression'],
            additionalProperties: false,
          },
        },
      },
    ]);
    expect(first!.tool_choice).toBe('auto');
    // Request 2: the assistant's call as it was streamed, then the tool's result answering it by id; no user message.
    expect(second!.messages.slice(1)).toEqual([
      { role: 'user', content: renderNativePrompt(TASK) },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_7f3', type: 'function', function: { name: 'calculator', arguments: '{"expression": "48271 * 16807 - 2147483647"}' } }] },
      { role: 'tool', tool_call_id: 'call_7f3', content: '-1336192950' },
    ]);
    expect(second!.tools).toEqual(first!.tools);

    expect(run).toMatchObject({ outcome: 'answered', answer: '-1336192950', error: null });
    expect(run.turns.map((t) => [t.parsed, t.stopReason, t.response, t.promptTokens, t.completionTokens])).toEqual([
      ['action', 'eos', '', 60, 5],
      ['final', 'eos', '-1336192950', 90, 2],
    ]);
    expect(run.toolCalls).toHaveLength(1);
    expect(run.toolCalls[0]).toMatchObject({ turn: 1, tool: 'calculator', input: { expression: '48271 * 16807 - 2147483647' }, ok: true, failure: null, observation: '-1336192950' });

    // Energy: every part has its window on the estimated source, and the parts add up to the task.
    expect(run.energy).toMatchObject({ source: 'estimated', isEstimate: true });
    expectAgentEnergyConserved(run);
  });

  it('bad arguments JSON and an unknown tool, called in parallel, come back to the model as error results; each call has its own window', async () => {
    const busy = defineTool<{ ms: number }>({
      name: 'busy',
      description: 'spins the CPU',
      parameters: { ms: { type: 'number', description: 'ms' } },
      run: ({ ms }) => {
        burn(ms);
        return 'done';
      },
    });
    const server = await scriptedServer([
      // Three calls in one reply, their chunks interleaved by index as servers stream parallel calls.
      () => [
        role(),
        callDelta({ index: 0, id: 'call_a', type: 'function', function: { name: 'calculator', arguments: '' } }),
        callDelta({ index: 1, id: 'call_b', type: 'function', function: { name: 'search_web', arguments: '{"q": ' } }),
        callDelta({ index: 0, function: { arguments: '{"expression": "2 +' } }),
        callDelta({ index: 2, id: 'call_c', type: 'function', function: { name: 'busy', arguments: '{"ms": 40}' } }),
        callDelta({ index: 1, function: { arguments: '"x"}' } }),
        finish('tool_calls'),
        usage(70, 6),
      ],
      () => textReply(['gave up']),
    ]);
    const r = await openOpenAIRunner(server.url, 'm');
    const energy = await EnergySession.start({ source: 'estimated', baselineS: 0, sampleMs: 5 });
    let run;
    try {
      run = await runAgent('t', { runner: r, tools: [calculatorTool, busy], protocol: 'native', energy });
    } finally {
      await energy.finish(undefined);
      await r.close();
    }
    const results = server.bodies[1]!.messages.filter((m) => m.role === 'tool');
    expect(results).toEqual([
      { role: 'tool', tool_call_id: 'call_a', content: 'Error: the arguments of calculator must be a JSON object, got: {"expression": "2 +' },
      { role: 'tool', tool_call_id: 'call_b', content: "Error: unknown tool 'search_web'. Available tools: calculator, busy" },
      { role: 'tool', tool_call_id: 'call_c', content: 'done' },
    ]);
    // The broken arguments go back to the server as the model wrote them.
    expect(server.bodies[1]!.messages.at(-4)!.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'calculator', arguments: '{"expression": "2 +' } },
      { id: 'call_b', type: 'function', function: { name: 'search_web', arguments: '{"q": "x"}' } },
      { id: 'call_c', type: 'function', function: { name: 'busy', arguments: '{"ms": 40}' } },
    ]);
    expect(run).toMatchObject({ outcome: 'answered', answer: 'gave up' });
    expect(run.toolCalls.map((c) => [c.turn, c.tool, c.failure])).toEqual([
      [1, 'calculator', 'bad-input'],
      [1, 'search_web', 'unknown-tool'],
      [1, 'busy', null],
    ]);
    // One window per call, one after the other; the busy one holds the CPU work.
    const [a, b, c] = run.toolCalls;
    expect(a!.endMs).toBeLessThanOrEqual(b!.startMs);
    expect(b!.endMs).toBeLessThanOrEqual(c!.startMs);
    expect(c!.wallMs).toBeGreaterThanOrEqual(40);
    expect(c!.energyJ).toBeGreaterThan(0);
    expect(Math.abs(run.turnsEnergyJ + run.toolsEnergyJ + run.gapsEnergyJ - run.energyJ)).toBeLessThan(1e-6);
  });

  it('an empty reply goes back as an error user message; a raw-completion runner refuses tools by option name', async () => {
    const server = await scriptedServer([() => textReply([]), () => textReply(['42'])]);
    const r = await openOpenAIRunner(server.url, 'm');
    try {
      const run = await runAgent('t', { runner: r, tools: [calculatorTool], protocol: 'native' });
      expect(run).toMatchObject({ outcome: 'answered', answer: '42' });
      expect(run.turns.map((t) => [t.parsed, t.parseError])).toEqual([['invalid', 'the reply is empty'], ['final', null]]);
      expect(server.bodies[1]!.messages.slice(2)).toEqual([
        { role: 'assistant', content: '' },
        { role: 'user', content: 'Error: the reply is empty. Call one of the tools, or reply with the answer.' },
      ]);
    } finally {
      await r.close();
    }
    const raw = await openOpenAIRunner(server.url, 'm', { template: 'raw' });
    try {
      const g = await raw.generate({ prompt: 'p', tools: toolSpecs([calculatorTool]), maxTokens: 4, queryId: 'q1' });
      expect(g).toMatchObject({ stopReason: 'error', error: expect.stringMatching(/^query q1: native tool calling needs the chat endpoint, and template 'raw'/) });
    } finally {
      await raw.close();
    }
    expect(server.bodies).toHaveLength(2);
  });
});

describe('the native protocol, pure parts', () => {
  it('defaults to ReAct, builds JSON schemas from tool parameters and reads replies', () => {
    expect(DEFAULT_AGENT_PROTOCOL).toBe('react');
    const tool = defineTool<{ n: number; note?: string }>({
      name: 't',
      description: 'd',
      parameters: { n: { type: 'integer', description: 'a count' }, note: { type: 'string', description: 'why', required: false } },
      run: () => '',
    });
    expect(toolSpecs([tool])).toEqual([
      {
        name: 't',
        description: 'd',
        parameters: { type: 'object', properties: { n: { type: 'integer', description: 'a count' }, note: { type: 'string', description: 'why' } }, required: ['n'], additionalProperties: false },
      },
    ]);
    expect(parseNativeReply({ response: '<think>call it?</think>\n 7 ' })).toEqual({ kind: 'final', answer: '7' });
    expect(parseNativeReply({ response: '<think>never closed' })).toEqual({ kind: 'invalid', reason: 'the reply ended inside its <think> block' });
    const calls = [{ id: 'c', name: 't', arguments: {} }];
    expect(parseNativeReply({ response: 'x', toolCalls: calls })).toEqual({ kind: 'action', calls });
  });

  it('reads node-llama-cpp templates\' call syntax: ChatML\'s ||call:, Qwen\'s <tool_call>, Llama 3.1\'s <function=>', async () => {
    const lib = await import('node-llama-cpp');
    const chatml = new lib.ChatMLChatWrapper();
    expect(parseFunctionCalls(chatml, 'Sure. ||call: calculator({"expression": "1+1"}) ||call:list_files()')).toEqual([
      { id: 'call_1', name: 'calculator', arguments: { expression: '1+1' }, raw: '||call: calculator({"expression": "1+1"})' },
      { id: 'call_2', name: 'list_files', arguments: {}, raw: '||call:list_files()' },
    ]);
    // A ")" inside the arguments is not the call's end; a call cut by the token limit keeps its text; nothing in <think>.
    expect(parseFunctionCalls(chatml, '||call: calculator({"expression": "(1+2)*3"})')[0]!.arguments).toEqual({ expression: '(1+2)*3' });
    expect(parseFunctionCalls(chatml, '||call: calculator({"expression": "1+')).toEqual([{ id: 'call_1', name: 'calculator', arguments: '{"expression": "1+', raw: '||call: calculator({"expression": "1+' }]);
    expect(parseFunctionCalls(chatml, '<think>||call: x({})</think>The answer is 2.')).toEqual([]);
    const qwen = new lib.QwenChatWrapper();
    expect(parseFunctionCalls(qwen, '<tool_call>\n{"name": "calculator", "arguments": {"expression": "2*3"}}\n</tool_call>')).toMatchObject([{ name: 'calculator', arguments: { expression: '2*3' } }]);
    const llama31 = new lib.Llama3_1ChatWrapper();
    expect(parseFunctionCalls(llama31, '<function=read_file>{"path": "a.txt"}</function><|eom_id|>')).toMatchObject([{ name: 'read_file', arguments: { path: 'a.txt' } }]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// In-process: a knowledge fixture whose planned reply to the task is ChatML's call syntax.

const CALL_TASK = 'Multiply seventeen by nineteen exactly.';
const PLANNED_CALL = '||call:calculator({"expression":"17*19"})';

describe('native tool calling in-process (knowledge fixture, ChatML call syntax)', () => {
  let modelPath: string;
  let functionsText: string;
  beforeAll(async () => {
    const lib = await import('node-llama-cpp');
    // The template's tool instructions are in every prompt: no keyword may come from them.
    functionsText = new lib.ChatMLChatWrapper().generateAvailableFunctionsSystemText(functionsOf(toolSpecs([calculatorTool]))!, { documentParams: true }).toString();
    modelPath = join(tempDir(), 'native-agent.gguf');
    await writeKnowledgeModel(modelPath, [{ prompt: renderNativePrompt(CALL_TASK), output: PLANNED_CALL }], { avoidTexts: [DEFAULT_SYSTEM_PROMPT, functionsText] });
  });

  /** A runner that keeps every request it passes on. */
  function recording(inner: ModelRunner): ModelRunner & { requests: GenerationRequest[] } {
    const requests: GenerationRequest[] = [];
    return {
      description: inner.description,
      requests,
      generate: (request: GenerationRequest, hooks?: GenerationHooks): Promise<Generation> => (requests.push(request), inner.generate(request, hooks)),
      close: () => inner.close(),
    };
  }

  for (const engine of ['node-llama-cpp', 'direct'] as const) {
    it(`engine ${engine}: the model writes the call; the loop parses it, runs the calculator, and the next turn's context holds the call and its result`, async () => {
      const runner = recording(await openLlamaRunner(modelPath, { threads: 1, gpu: false, engine, ...(engine === 'direct' ? { library: 'prebuilt' as const } : {}) }));
      expect(runner.description.details.engine).toBe(engine);
      const lib = await import('node-llama-cpp');
      const llama = await lib.getLlama({ gpu: false, build: 'never' });
      const vocab = await llama.loadModel({ modelPath, vocabOnly: true });
      try {
        const run = await runAgent(CALL_TASK, { runner, tools: [calculatorTool], protocol: 'native', maxTurns: 2 });
        // Turn 1: the planned call, parsed from the template's syntax.
        expect(run.turns[0]!.response.trim()).toBe(PLANNED_CALL);
        expect(run.turns[0]).toMatchObject({ parsed: 'action', stopReason: 'eos' });
        // The fixture keys its reply on a word of the task, which stays in the context: turn 2 calls again.
        expect(run.toolCalls.map((c) => [c.turn, c.tool, c.input, c.ok, c.observation])).toEqual([
          [1, 'calculator', { expression: '17*19' }, true, '323'],
          [2, 'calculator', { expression: '17*19' }, true, '323'],
        ]);
        // The tool list was rendered into the first prompt as ChatML's function instructions.
        const format = { chatWrapper: lib.resolveChatWrapper(vocab)!, systemPrompt: DEFAULT_SYSTEM_PROMPT };
        expect(format.chatWrapper.wrapperName).toBe('ChatML');
        const contextText = (request: GenerationRequest) =>
          format.chatWrapper.generateContextState({ chatHistory: chatHistoryOf(format, request), availableFunctions: functionsOf(request.tools) }).contextText.toString();
        expect(runner.requests[0]!.tools).toEqual(toolSpecs([calculatorTool]));
        expect(contextText(runner.requests[0]!)).toContain(`${DEFAULT_SYSTEM_PROMPT}\n\n${functionsText}<|im_end|>`);
        // Turn 2 goes on in the model's turn after the call and its result, in the template's syntax.
        const second = runner.requests[1]!;
        expect(second.prompt).toBe('');
        expect(second.history).toEqual([
          {
            user: renderNativePrompt(CALL_TASK),
            model: run.turns[0]!.response,
            toolCalls: [{ id: 'call_1', name: 'calculator', arguments: { expression: '17*19' }, raw: PLANNED_CALL }],
            toolResults: [{ id: 'call_1', name: 'calculator', content: '323' }],
          },
        ]);
        const tokens = promptTokens(vocab, format, second).tokens;
        expect(contextText(second).endsWith(`<|im_start|>assistant\n${run.turns[0]!.response.slice(0, run.turns[0]!.response.indexOf(PLANNED_CALL))}${PLANNED_CALL}\n||result: "323"\n`)).toBe(true);
        expect(run.turns[1]!.promptTokens).toBe(tokens.length);
        // The kept KV cache covers the conversation up to the reply: only the result is new.
        expect(run.turns[1]!.cachedPromptTokens).toBeGreaterThan(run.turns[0]!.promptTokens - 2);
        expect(run.turns).toHaveLength(2);
        expect(run.outcome).toBe('turn-limit');
      } finally {
        await vocab.dispose();
        await runner.close();
      }
    });
  }

  it('raw completion (no chat template) has no call syntax: a request with tools is an error generation', async () => {
    const runner = await openLlamaRunner(modelPath, { threads: 1, gpu: false, engine: 'node-llama-cpp', template: 'raw' });
    try {
      const run = await runAgent(CALL_TASK, { runner, tools: [calculatorTool], protocol: 'native' });
      expect(run).toMatchObject({ outcome: 'model-error', error: expect.stringMatching(/^query turn 1: native tool calling needs a chat template, and template 'raw' has none/) });
      expect(run.turns).toHaveLength(1);
    } finally {
      await runner.close();
    }
  });
});

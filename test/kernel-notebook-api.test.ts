// What a notebook author gets beyond running cells, through the kernel protocol: TypeScript signatures and doc comments
// in inspect, type-aware completion (after an index too), display helpers, `require`, and `prompt()`/`input()` over
// the stdin channel. One kernel for the file, started from the kernelspec, in a temporary notebook folder.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelSpec } from '../kernel/install.ts';
import { type Exchange, type RunningKernel, launchKernel, outputsOf } from '../support/jupyter-client.ts';
import { tempDir } from '../support/temp-dir.ts';

let kernel: RunningKernel;
let folder: string;
const client = () => kernel.client;
const result = (e: Exchange) => outputsOf(e, 'execute_result')[0]?.['data'] as Record<string, unknown> | undefined;
const ok = (e: Exchange) => expect(e.reply.content, JSON.stringify(outputsOf(e, 'error'))).toMatchObject({ status: 'ok' });
const complete = async (code: string, cursor = [...code].length) =>
  (await client().request('shell', 'complete_request', { code, cursor_pos: cursor })).reply.content;
const inspectText = async (code: string, cursor = [...code].length) => {
  const reply = (await client().request('shell', 'inspect_request', { code, cursor_pos: cursor, detail_level: 0 })).reply.content;
  return { found: reply['found'], data: reply['data'] as Record<string, string> };
};

/** A valid 1x1 PNG (signature, IHDR, IDAT, IEND), built here so the test needs no binary file. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  folder = tempDir('ipw-nb-api-');
  // A CommonJS package only the notebook's folder has, for `require`.
  mkdirSync(join(folder, 'node_modules', 'local-cjs'), { recursive: true });
  writeFileSync(join(folder, 'node_modules', 'local-cjs', 'package.json'), JSON.stringify({ name: 'local-cjs', main: 'index.js' }));
  writeFileSync(join(folder, 'node_modules', 'local-cjs', 'index.js'), 'module.exports = { greet: (n) => `hello ${n}` };\n');
  writeFileSync(join(folder, 'dot.png'), tinyPng());
  const spec = kernelSpec();
  kernel = await launchKernel(spec.argv, { env: spec.env, cwd: folder });
});

afterAll(async () => {
  await kernel?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('types in inspect and completion (TypeScript language service over the cells)', () => {
  it('inspect on profile shows its TypeScript signature and doc comment', async () => {
    ok(await client().execute('import { prepareFixtureModel, profile } from "ipw-lab/profile";'));
    const { found, data } = await inspectText('profile(', 'profile('.length);
    expect(found).toBe(true);
    expect(data['text/plain']).toMatch(/^profile\(options: ProfileOptions\): Promise<ProfileResult>/);
    expect(data['text/plain']).toContain('Profiles one model over a query set');
    expect(data['text/markdown']).toContain('```ts\nprofile(options: ProfileOptions): Promise<ProfileResult>\n```');
    // Through the preloaded global too.
    const viaIpw = await inspectText('ipw.profile.profile', 'ipw.profile.pro'.length);
    expect(viaIpw.data['text/plain']).toContain('Profiles one model over a query set');
  });

  it("completion after an index (run.results[0].) lists a result row's fields, and only members", async () => {
    const cell = [
      'const fixture = await prepareFixtureModel({});',
      'const run = await profile({ model: fixture.modelPath, queries: fixture.queries.slice(0, 2), outDir: "run", threads: 1, gpu: false,',
      '  maxTokens: 4, baselineS: 0, warmupS: 0, warmupQueries: 0, energy: "estimated", preflight: "off", signal: ipw.signal });',
      'run.results.length',
    ].join('\n');
    const e = await client().execute(cell);
    ok(e);
    expect(result(e)).toEqual({ 'text/plain': '2' });
    const reply = await complete('run.results[0].');
    expect(reply['matches']).toEqual(expect.arrayContaining(['queryId', 'energyJ', 'clockStartMs', 'prefillMs', 'clockEndMs', 'traceFile', 'correct']));
    expect(reply['matches']).not.toContain('setTimeout');
    expect(reply['cursor_start']).toBe('run.results[0].'.length);
    const typed = (reply['metadata'] as { _jupyter_types_experimental: { text: string; type: string }[] })._jupyter_types_experimental;
    expect(typed.find((t) => t.text === 'energyJ')?.type).toBe('property');
    // With a prefix, after a call and an optional chain.
    expect((await complete('run.results.at(-1)?.ener'))['matches']).toEqual(expect.arrayContaining(['energyJ', 'energySource', 'energyIsEstimate']));
    expect((await complete('run.results.at(-1)?.ener'))['matches']).not.toContain('queryId');
  });

  it("inspect shows the signature and doc comment of the user's own function, and a value's type with the value", async () => {
    ok(await client().execute('/** Joules per correct answer. */\nfunction joulesPerCorrect(energyJ: number, correct: number): number { return energyJ / correct }'));
    const fn = await inspectText('joulesPerCorrect', 3);
    expect(fn.data['text/plain']).toBe('function joulesPerCorrect(energyJ: number, correct: number): number\n\nJoules per correct answer.');
    const value = await inspectText('run', 2);
    expect(value.data['text/plain']).toMatch(/^const run: ProfileResult\n\nvalue: \{/);
    expect(value.data['text/plain']).toContain("runDir: 'run'");
  });

  it('completes names of earlier cells with their types, and live values the types do not know', async () => {
    ok(await client().execute('(globalThis as any).madeAtRunTime = { liveOnly: 1 };'));
    expect((await complete('joulesPer'))['matches']).toEqual(['joulesPerCorrect']);
    expect((await complete('madeAtRun'))['matches']).toEqual(['madeAtRunTime']);
    expect((await complete('madeAtRunTime.li'))['matches']).toEqual(['liveOnly']);
    expect((await complete('fixture.mod'))['matches']).toEqual(['modelPath']);
  });
});

describe('display helpers', () => {
  it('display.html, .markdown, .svg, .png (bytes and path), .image and .json send one MIME bundle each', async () => {
    const e = await client().execute([
      'await display.html("<b>bold</b>");',
      'await display.markdown("# Title");',
      'await display.svg("<svg xmlns=\'http://www.w3.org/2000/svg\'/>");',
      'const { readFileSync } = await import("node:fs");',
      'await display.png(readFileSync("dot.png"));',
      'await display.png("dot.png", { metadata: { "image/png": { width: 40 } } });',
      'await display.image(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]));',
      'await display.json({ ipw: 0.5, models: ["a"] }, { displayId: "j" });',
    ].join('\n'));
    ok(e);
    const shown = outputsOf(e, 'display_data');
    const png = tinyPng().toString('base64');
    expect(shown.map((d) => d['data'])).toEqual([
      { 'text/html': '<b>bold</b>', 'text/plain': '[HTML]' },
      { 'text/markdown': '# Title', 'text/plain': '# Title' },
      { 'image/svg+xml': "<svg xmlns='http://www.w3.org/2000/svg'/>", 'text/plain': '[image/svg+xml image]' },
      { 'image/png': png, 'text/plain': `[image/png image, ${tinyPng().length} bytes]` },
      { 'image/png': png, 'text/plain': `[image/png image dot.png, ${tinyPng().length} bytes]` },
      { 'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]).toString('base64'), 'text/plain': '[image/jpeg image, 6 bytes]' },
      { 'application/json': { ipw: 0.5, models: ['a'] }, 'text/plain': "{ ipw: 0.5, models: [ 'a' ] }" },
    ]);
    expect(shown[4]!['metadata']).toEqual({ 'image/png': { width: 40 } });
    expect(shown[6]!['transient']).toEqual({ display_id: 'j' });
  });

  it('display.png refuses what is not a PNG, naming display.image; display.image names what it cannot read', async () => {
    const notPng = await client().execute('await display.png(Buffer.from("GIF89a"))');
    expect(notPng.reply.content).toMatchObject({ status: 'error', ename: 'TypeError' });
    expect(String(notPng.reply.content['evalue'])).toMatch(/not a PNG image; use display.image/);
    const unknown = await client().execute('await display.image(Buffer.from("plain text"))');
    expect(String(unknown.reply.content['evalue'])).toMatch(/not a PNG, JPEG, GIF, WebP or SVG image; pass \{ mimeType \}/);
  });
});

describe('require in cells', () => {
  it("loads node builtins, the notebook folder's packages, and the kernel's own packages", async () => {
    const e = await client().execute([
      'const path = require("node:path");',
      'const local = require("local-cjs");',
      'const yaml = require("yaml");', // not in the notebook folder: the kernel's own dependency
      '[path.join("a", "b"), local.greet("ipw"), yaml.stringify({ a: 1 }).trim(), require.resolve("local-cjs").endsWith("local-cjs/index.js")]',
    ].join('\n'));
    ok(e);
    expect(result(e)).toEqual({ 'text/plain': "[ 'a/b', 'hello ipw', 'a: 1', true ]" });
    const missing = await client().execute('require("no-such-package-ipw")');
    expect(missing.reply.content).toMatchObject({ status: 'error' });
    expect(String(missing.reply.content['evalue'])).toContain("Cannot find module 'no-such-package-ipw'");
  });
});

describe('prompt() and input() over the stdin channel', () => {
  it('asks the front end with input_request and returns its input_reply', async () => {
    const answers = ['Ada', '', 's3cret'];
    client().onInputRequest = () => answers.shift();
    try {
      const e = await client().execute(
        'const who = await prompt("Your name?"); const fallback = await prompt("Model?", "tiny"); const pw = await input("Key:", { password: true }); [who, fallback, pw]',
        { allow_stdin: true },
      );
      ok(e);
      expect(result(e)).toEqual({ 'text/plain': "[ 'Ada', 'tiny', 's3cret' ]" });
      const asked = client().inputRequests.slice(-3).map((m) => m.content);
      expect(asked).toEqual([{ prompt: 'Your name?', password: false }, { prompt: 'Model?', password: false }, { prompt: 'Key:', password: true }]);
      expect(client().inputRequests.at(-1)!.parent_header).toMatchObject({ msg_type: 'execute_request' });
    } finally {
      client().onInputRequest = undefined;
    }
  });

  it('throws StdinNotImplementedError when the front end does not allow stdin (nbclient, headless runs)', async () => {
    const before = client().inputRequests.length;
    const e = await client().execute('await prompt("x")', { allow_stdin: false });
    expect(e.reply.content).toMatchObject({ status: 'error', ename: 'StdinNotImplementedError' });
    expect(client().inputRequests.length).toBe(before);
  });

  it('an interrupt while waiting for input ends the cell with KeyboardInterrupt, and the kernel goes on', async () => {
    client().onInputRequest = () => undefined; // never answered
    try {
      const before = client().inputRequests.length;
      const waiting = client().execute('await input("never answered")', { allow_stdin: true });
      while (client().inputRequests.length === before) await new Promise((r) => setTimeout(r, 20));
      await client().request('control', 'interrupt_request', {}, false);
      expect((await waiting).reply.content).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    } finally {
      client().onInputRequest = undefined;
    }
    expect(result(await client().execute('1 + 1'))).toEqual({ 'text/plain': '2' });
  });
});

// The package as a researcher gets it: `npm pack`, then `npm install <tarball>` in an empty folder outside the clone.
// There: `npx ipw demo`, `npx ipw kernel install --user` (into a temporary Jupyter data dir), the quickstart notebook
// through nbclient with that kernel, `ipw-lab/...` imports resolved by Node and checked by TypeScript through the
// shipped declarations. Also, without packing: the exports map reaches every stage face and nothing else.
import { spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUPYTER_PYTHON } from '../kernel/notebook.ts';
import { launchKernel } from '../support/jupyter-client.ts';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINUTE = 60_000;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (killed after `timeoutMs`), with its output. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const succeeded = (r: Ran, what: string): void => expect(r.code, `${what}\nstdout:\n${r.stdout.slice(-3000)}\nstderr:\n${r.stderr.slice(-3000)}`).toBe(0);

/** Every lib/<stage>/index.ts the exports map must reach (cli is the command line, not an import). */
const stages = readdirSync(join(ROOT, 'lib'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'cli' && existsSync(join(ROOT, 'lib', d.name, 'index.ts')))
  .map((d) => d.name);

/**
 * A researcher's folder: a package.json, a strict tsconfig, and check.ts, which uses the API as a notebook would,
 * with one deliberate type error (a number given to a string) so the check proves types arrive, not just `any`.
 */
function writeConsumerProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'my-study', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
    include: ['check.ts'],
  }));
  writeFileSync(join(dir, 'check.ts'), [
    "import { loadQueries, prepareFixtureModel, profile, regrade, summarize, type ProfileResult } from 'ipw-lab';",
    "import { htmlTable, powerTrace } from 'ipw-lab/plots';",
    "import { readPowerTrace } from 'ipw-lab/energy';",
    "import { MIME_BUNDLE } from 'ipw-lab/display';",
    'const fixture = await prepareFixtureModel({});',
    "const run: ProfileResult = await profile({ model: fixture.modelPath, queries: await loadQueries('sample'), outDir: 'runs/x' });",
    'const joules: number = run.results[0]!.energyJ;',
    'const rows = summarize(run.results, { groupBy: [\'model\'] });',
    'const agreement: number = regrade(run, { compare: \'naive-last-letter\' }).comparison!.agreement;',
    "const trace = readPowerTrace(run.runDir, `${run.results[0]!.traceFile}.json`);",
    'void [joules, rows, agreement, trace, htmlTable, powerTrace, MIME_BUNDLE];',
    'const wrong: string = run.results[0]!.energyJ;',
    'void wrong;',
    '',
  ].join('\n'));
}

/** The files the package runs: lib/, kernel/ and bin/. */
function runtimeFiles(): string[] {
  return ['lib', 'kernel', 'bin'].flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|mjs)$/.test(f)).map((f) => join(ROOT, dir, f)));
}

/** Every module a file imports: static imports, re-exports and `import()` calls with a literal. */
function moduleSpecifiers(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  return found;
}

describe('the exports map', () => {
  it('maps ipw-lab to lib/index.ts, ipw-lab/<stage> to each stage face, ipw-lab/display to the display contract; not the CLI', () => {
    expect(fileURLToPath(import.meta.resolve('ipw-lab'))).toBe(join(ROOT, 'lib', 'index.ts'));
    for (const stage of stages) expect(fileURLToPath(import.meta.resolve(`ipw-lab/${stage}`))).toBe(join(ROOT, 'lib', stage, 'index.ts'));
    expect(fileURLToPath(import.meta.resolve('ipw-lab/display'))).toBe(join(ROOT, 'kernel', 'display-api.ts'));
    expect(() => import.meta.resolve('ipw-lab/cli')).toThrow(/subpath '\.\/cli' is not defined by "exports"/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types?: string } | null> };
    expect(pkg.exports['./*']?.types).toBe('./dist/types/lib/*/index.d.ts');
  });

  it('lists as runtime dependencies only packages that lib/, kernel/ or bin/ import', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const sources = runtimeFiles().map((f) => readFileSync(f, 'utf8')).join('\n');
    // @types/node is read by the kernel's type service (kernel/types.ts), not imported.
    const unused = Object.keys(pkg.dependencies).filter((name) => name !== '@types/node' && !sources.includes(`'${name}`) && !sources.includes(`"${name}`));
    expect(unused).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('tslab');
    // And the other way: every package the runtime imports is a runtime dependency (typescript was a dev one, and
    // the kernel imports it). Self-references (ipw-lab) and node builtins aside.
    const imported = new Set(runtimeFiles().flatMap((file) => moduleSpecifiers(readFileSync(file, 'utf8')))
      .filter((spec) => !/^[./]/.test(spec) && !spec.startsWith('node:') && !builtinModules.includes(spec) && !/^ipw-lab(\/|$)/.test(spec))
      .map((spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')));
    expect([...imported].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  });
});

describe('the packed tarball, installed into an empty folder outside the clone', () => {
  let work: string;
  let project: string;
  let tarball: string;
  const jupyterData = () => join(work, 'jupyter-data');

  beforeAll(async () => {
    work = tempDir('ipw-package-');
    // npm pack runs prepack (scripts/build-types.ts), which writes the declarations into dist/types first.
    const packed = await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, timeoutMs: 5 * MINUTE });
    succeeded(packed, 'npm pack');
    tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    project = join(work, 'my-study');
    writeConsumerProject(project);
    // The registry (or npm's cache) serves the dependencies; the package itself comes only from the tarball.
    const installed = await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, timeoutMs: 8 * MINUTE });
    succeeded(installed, 'npm install <tarball>');
  }, 14 * MINUTE);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the sources, the declarations, the sample data and the notebooks, and no tests or benches', async () => {
    const pkg = join(project, 'node_modules', 'ipw-lab');
    for (const f of ['bin/ipw.js', 'lib/index.ts', 'lib/profile/index.ts', 'kernel/main.js', 'data/sample.jsonl', 'data/agent-tasks.jsonl', 'data/agent-docs/halvik.md', 'dist/types/lib/index.d.ts', 'dist/types/lib/profile/index.d.ts', 'notebooks/01-quickstart.ipynb']) {
      expect(existsSync(join(pkg, f)), f).toBe(true);
    }
    for (const f of ['test', 'bench', 'support', 'scripts']) expect(existsSync(join(pkg, f)), f).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tslab')), 'tslab is only a bench dependency').toBe(false);
  });

  it('npx ipw demo profiles the generated model and prints the IPW table', async () => {
    const demo = await run('npx', ['--no-install', 'ipw', 'demo'], { cwd: project, timeoutMs: 5 * MINUTE });
    succeeded(demo, 'npx ipw demo');
    expect(demo.stdout).toMatch(/IPW/);
    expect(demo.stdout).toMatch(/Results: runs\/demo-/);
    expect(readdirSync(join(project, 'runs')).some((d) => d.startsWith('demo-'))).toBe(true);
  }, 6 * MINUTE);

  it('npx ipw kernel install --user registers a kernel that runs from this install, with the types of that install', async () => {
    const installed = await run('npx', ['--no-install', 'ipw', 'kernel', 'install', '--user'], { cwd: project, env: { JUPYTER_DATA_DIR: jupyterData() }, timeoutMs: 2 * MINUTE });
    succeeded(installed, 'npx ipw kernel install --user');
    const spec = JSON.parse(readFileSync(join(jupyterData(), 'kernels', 'ipw', 'kernel.json'), 'utf8')) as { argv: string[] };
    expect(spec.argv[1]).toBe(join(project, 'node_modules', 'ipw-lab', 'kernel', 'main.js'));
    // That kernel knows the installed library's types: inspect shows profile's signature and doc comment.
    const kernel = await launchKernel(spec.argv, { cwd: project });
    try {
      const imported = await kernel.client.execute('import { profile } from "ipw-lab";');
      expect(imported.reply.content['status'], kernel.stderr()).toBe('ok');
      const reply = (await kernel.client.request('shell', 'inspect_request', { code: 'profile(', cursor_pos: 8, detail_level: 0 })).reply.content;
      const text = (reply['data'] as Record<string, string>)['text/plain'] ?? '';
      expect(text, kernel.stderr()).toMatch(/^profile\(options: ProfileOptions\): Promise<ProfileResult>\n\nProfiles one model/);
    } finally {
      await kernel.stop();
    }
  }, 4 * MINUTE);

  it('the quickstart notebook, in that folder, imports ipw-lab/... and runs through nbclient with that kernel', async () => {
    const notebook = join(project, 'quickstart.ipynb');
    const nb = JSON.parse(readFileSync(join(project, 'node_modules', 'ipw-lab', 'notebooks', '01-quickstart.ipynb'), 'utf8')) as { cells: unknown[] };
    // One more cell: the package root, and regrading the run the notebook made.
    nb.cells.push({
      cell_type: 'code', metadata: {}, outputs: [], execution_count: null,
      source: 'import { regrade } from "ipw-lab";\nconst regraded = regrade(run);\nconsole.log(`regraded ${regraded.summary.total} of ${run.results.length}; model at ${model}`);',
    });
    writeFileSync(notebook, JSON.stringify(nb));
    const executed = join(project, 'quickstart.out.ipynb');
    const script = join(project, 'node_modules', 'ipw-lab', 'kernel', 'execute-notebook.py');
    const ran = await run(JUPYTER_PYTHON, [script, notebook, '--output', executed, '--timeout', '240'], {
      cwd: project,
      env: { JUPYTER_DATA_DIR: jupyterData(), JUPYTER_PATH: jupyterData(), JUPYTER_RUNTIME_DIR: join(work, 'runtime'), IPW_NOTEBOOK_OUT: join(work, 'notebook-out') },
      timeoutMs: 8 * MINUTE,
    });
    succeeded(ran, 'the quickstart notebook');
    const out = JSON.parse(readFileSync(executed, 'utf8')) as { cells: { outputs?: { output_type: string; text?: string | string[] }[] }[] };
    const text = out.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream').map((o) => [o.text ?? ''].flat().join('')).join('');
    const m = /regraded (\d+) of (\d+); model at (\S+)/.exec(text);
    expect(m, text).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    // The model was generated by the installed copy of the library, not the clone's.
    expect(m![3]!.startsWith(join(project, 'node_modules', 'ipw-lab'))).toBe(true);
  }, 9 * MINUTE);

  it("Node resolves ipw-lab/... there, and the user's TypeScript type-checks against the shipped declarations", async () => {
    // A script run with tsx, as the README says to run TypeScript outside the kernel.
    writeFileSync(join(project, 'script.ts'), 'import { summarize } from "ipw-lab/metrics";\nimport { profile, regrade } from "ipw-lab";\nconsole.log(typeof summarize, typeof profile, typeof regrade);\n');
    const resolved = await run('npx', ['--no-install', 'tsx', 'script.ts'], { cwd: project, timeoutMs: 2 * MINUTE });
    succeeded(resolved, 'tsx importing ipw-lab');
    expect(resolved.stdout.trim()).toBe('function function function');
    const tsc = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], { cwd: project, timeoutMs: 3 * MINUTE });
    // check.ts has one deliberate error (a number given to a string); any other error means the declarations are wrong.
    const errors = tsc.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors, tsc.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/^check\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
  }, 4 * MINUTE);
});

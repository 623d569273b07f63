// Writes the package's type declarations (dist/types/**.d.ts) from the TypeScript sources; `npm pack` runs it
// (prepack). The package runs its .ts sources through tsx, so declarations are the only build output. They are what
// a consumer's TypeScript reads: pointing `types` at the .ts sources instead makes a consumer's tsc check those sources
// under its own settings (311 errors in a default strict project, measured; most are TS5097 on `.ts` import paths).
//
// Usage: npx tsx scripts/build-types.ts [--out DIR]   (default dist/types)
// Type errors in the sources do not stop it: declarations are still written, as tsc does without noEmitOnError.
// It fails when declaration emit itself fails, or when a face named in package.json's exports has no declaration.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every face the exports map can reach: lib/index.ts, each lib/<stage>/index.ts, and the display contract. */
export function packageEntryPoints(root = ROOT): string[] {
  const lib = join(root, 'lib');
  const stages = readdirSync(lib, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(lib, d.name, 'index.ts')))
    .map((d) => join(lib, d.name, 'index.ts'));
  return [join(lib, 'index.ts'), ...stages, join(root, 'kernel', 'display-api.ts')].filter((f) => existsSync(f)).sort();
}

export function buildTypes(outDir: string, root = ROOT): { files: number; errors: string[] } {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (config === undefined) throw new Error('cannot read tsconfig.json');
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    outDir,
    rootDir: root,
    noEmitOnError: false,
  };
  rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram({ rootNames: packageEntryPoints(root), options });
  const emitted = program.emit(undefined, undefined, undefined, true);
  const errors = emitted.diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const where = d.file && d.start !== undefined ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  const missing = packageEntryPoints(root)
    .map((f) => join(outDir, relative(root, f)).replace(/\.ts$/, '.d.ts'))
    .filter((f) => !existsSync(f));
  for (const f of missing) errors.push(`no declaration written for ${relative(root, f)}`);
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts')).length;
  return { files, errors };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = resolve(at > 0 ? process.argv[at + 1]! : join(ROOT, 'dist', 'types'));
  const { files, errors } = buildTypes(outDir);
  for (const e of errors) process.stderr.write(`build-types: ${e}\n`);
  process.stdout.write(`build-types: ${files} declaration files in ${relative(process.cwd(), outDir) || '.'} (TypeScript ${ts.version})\n`);
  process.exitCode = errors.length === 0 ? 0 : 1;
}

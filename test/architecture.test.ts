// The import rule of docs/architecture.md, checked on every import in the repository's code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The stages of lib/, bottom to top, as data flows. A stage imports only stages on lower rows; stages on one row do
 * not import each other. A new folder in lib/ must be placed here (and in docs/architecture.md).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['errors'],
  ['queries', 'energy', 'efficiency'],
  ['fixtures', 'run'],
  ['grade'],
  ['metrics'],
  ['store'],
  ['analyze', 'plots', 'agent', 'peak'],
  ['profile'],
  ['load'],
  ['sweep'],
  ['cli'],
];

/** The only files outside lib/ that lib/ may import, and who: `ipw kernel install` writes the kernel's spec. */
const LIB_MAY_IMPORT_OUTSIDE: Readonly<Record<string, string>> = { 'kernel/install.ts': 'cli' };

const rowOf = new Map(LAYERS.flatMap((row, i) => row.map((stage) => [stage, i] as const)));

interface Import {
  /** Repo-relative posix path of the importing file. */
  file: string;
  line: number;
  specifier: string;
}

/** Every module specifier in a file: static and type-only imports, re-exports, `import()`, `import('x').T`, `require()`. */
function importsOf(file: string, source: string): Import[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: Import[] = [];
  const add = (node: ts.Node, literal: ts.Node | undefined): void => {
    if (literal === undefined || !ts.isStringLiteralLike(literal)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, specifier: literal.text });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `lib/<stage>/...` -> stage; undefined outside lib/. */
function stageOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts[0] === 'lib' && parts.length > 2 ? parts[1] : undefined;
}

/** What is wrong with one import from lib/, or null when it follows the rule. */
function libImportProblem({ file, specifier }: Import): string | null {
  if (!specifier.startsWith('.')) return null; // packages and node: builtins
  const from = stageOf(file)!;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  const to = stageOf(target);
  if (to === undefined) {
    return LIB_MAY_IMPORT_OUTSIDE[target] === from ? null : `imports ${target}, outside lib/ (lib/ is the library: tests, benches and scripts import it, not the reverse)`;
  }
  if (to === from) return null;
  const problems: string[] = [];
  if (target !== `lib/${to}/index.ts`) problems.push(`reaches into lib/${to} (import lib/${to}/index.ts, or export the name there)`);
  const fromRow = rowOf.get(from);
  const toRow = rowOf.get(to);
  if (toRow === undefined) problems.push(`lib/${to} has no place in the stage order`);
  else if (fromRow !== undefined && toRow >= fromRow) {
    problems.push(toRow === fromRow ? `${from} and ${to} are on one row and must not import each other` : `imports upward: ${to} is above ${from}`);
  }
  return problems.length === 0 ? null : problems.join('; ');
}

function filesUnder(dir: string, pattern = /\.(ts|mts|js|mjs)$/): string[] {
  if (!existsSync(posix.join(ROOT, dir))) return [];
  return readdirSync(posix.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => posix.relative(ROOT, posix.join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').includes('node_modules'))
    .sort();
}

function importsUnder(dir: string): Import[] {
  return filesUnder(dir).flatMap((file) => importsOf(file, readFileSync(posix.join(ROOT, file), 'utf8')));
}

const where = (i: Import): string => `${i.file}:${i.line} '${i.specifier}'`;

describe('the import rule (docs/architecture.md)', () => {
  it('every folder in lib/ is a stage with an index.ts and a place in the stage order', () => {
    const stages = readdirSync(posix.join(ROOT, 'lib'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(stages).toEqual([...rowOf.keys()].sort());
    expect(stages.filter((stage) => !existsSync(posix.join(ROOT, 'lib', stage, 'index.ts')))).toEqual([]);
  });

  it('lib/ imports another stage only through its index.ts, only downward, and nothing outside lib/', () => {
    const offenders = importsUnder('lib').flatMap((i) => {
      const problem = libImportProblem(i);
      return problem === null ? [] : [`${where(i)}: ${problem}`];
    });
    expect(offenders).toEqual([]);
  });

  it('the kernel reaches lib/ only through stages\' index.ts', () => {
    const offenders = importsUnder('kernel').filter((i) => {
      const target = posix.normalize(posix.join(posix.dirname(i.file), i.specifier));
      const stage = stageOf(target);
      return i.specifier.startsWith('.') && stage !== undefined && target !== `lib/${stage}/index.ts`;
    });
    expect(offenders.map(where)).toEqual([]);
  });

  it('benches and support/ do not import tests, and support/ does not import benches', () => {
    const reaches = (i: Import, dir: string): boolean =>
      i.specifier.startsWith('.') && posix.normalize(posix.join(posix.dirname(i.file), i.specifier)).startsWith(`${dir}/`);
    const offenders = [
      ...importsUnder('bench').filter((i) => reaches(i, 'test')),
      ...importsUnder('support').filter((i) => reaches(i, 'test') || reaches(i, 'bench')),
    ];
    expect(offenders.map(where)).toEqual([]);
  });
});

describe('the import checker itself', () => {
  it('finds every form of import, with its line', () => {
    const source = [
      "import { a } from '../store/index.ts';",
      "import type { B } from '../store/types.ts';",
      "export * from './local.ts';",
      "export { c } from '../grade/index.ts';",
      "type T = import('../run/types.ts').T;",
      "const m = await import('../plots/index.ts');",
      "const r = require('../analyze/index.ts');",
      "import fs from 'node:fs';",
      "const notAnImport = '../store/types.ts';",
    ].join('\n');
    expect(importsOf('lib/metrics/x.ts', source).map((i) => `${i.line} ${i.specifier}`)).toEqual([
      '1 ../store/index.ts', '2 ../store/types.ts', '3 ./local.ts', '4 ../grade/index.ts', '5 ../run/types.ts',
      '6 ../plots/index.ts', '7 ../analyze/index.ts', '8 node:fs',
    ]);
  });

  it('accepts downward imports through index.ts and names what is wrong with the others', () => {
    const problem = (file: string, specifier: string) => libImportProblem({ file, line: 1, specifier });
    expect(problem('lib/store/types.ts', '../grade/index.ts')).toBeNull();
    expect(problem('lib/store/types.ts', './files.ts')).toBeNull();
    expect(problem('lib/cli/commands/kernel.ts', '../../../kernel/install.ts')).toBeNull();
    expect(problem('lib/plots/figure.ts', 'node:fs')).toBeNull();
    expect(problem('lib/grade/mc.ts', '../queries/types.ts')).toMatch(/reaches into lib\/queries/);
    expect(problem('lib/metrics/types.ts', '../store/index.ts')).toMatch(/upward: store is above metrics/);
    expect(problem('lib/metrics/types.ts', '../store/types.ts')).toMatch(/reaches into lib\/store.*; imports upward/);
    expect(problem('lib/plots/rows.ts', '../analyze/index.ts')).toMatch(/one row/);
    expect(problem('lib/run/x.ts', '../../test/helpers/fixture.ts')).toMatch(/outside lib/);
    expect(problem('lib/grade/x.ts', '../../kernel/install.ts')).toMatch(/outside lib/);
    expect(problem('lib/run/x.ts', '../newstage/index.ts')).toMatch(/no place in the stage order/);
  });
});

// Every library export the shipped notebooks use has a doc comment: what a reader sees in kernel inspect, in an
// editor, and in the declarations the package ships. The names come from the notebooks themselves (their
// `import ... from "ipw-lab/..."` lines and `ipw.<stage>.<name>` uses), so a new notebook call is checked too.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOTEBOOKS = join(ROOT, 'notebooks');

/** `ipw-lab` -> lib/index.ts, `ipw-lab/<stage>` -> lib/<stage>/index.ts, `ipw-lab/display` -> the display contract. */
function faceFile(spec: string): string {
  if (spec === 'ipw-lab') return join(ROOT, 'lib', 'index.ts');
  if (spec === 'ipw-lab/display') return join(ROOT, 'kernel', 'display-api.ts');
  return join(ROOT, 'lib', spec.slice('ipw-lab/'.length), 'index.ts');
}

/** `face file -> names` for every library name the notebooks' code cells import or reach through `ipw.<stage>`. */
function notebookApiUses(dir = NOTEBOOKS): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  const add = (file: string, name: string): void => {
    if (!uses.has(file)) uses.set(file, new Set());
    uses.get(file)!.add(name);
  };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort()) {
    const nb = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    for (const cell of nb.cells.filter((c) => c.cell_type === 'code')) {
      const code = [cell.source].flat().join('');
      const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^ipw-lab(\/|$)/.test(node.moduleSpecifier.text)) {
          const bindings = node.importClause?.namedBindings;
          if (bindings && ts.isNamedImports(bindings)) {
            for (const el of bindings.elements) add(faceFile(node.moduleSpecifier.text), (el.propertyName ?? el.name).text);
          }
        }
        // ipw.<stage>.<name>
        if (ts.isPropertyAccessExpression(node) && ts.isPropertyAccessExpression(node.expression)
          && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'ipw') {
          add(faceFile(`ipw-lab/${node.expression.name.text}`), node.name.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return uses;
}

/** Each used name whose declaration (followed through re-exports) has no doc comment, as `file: name`. */
function undocumented(uses: Map<string, Set<string>>): { missing: string[]; notExported: string[] } {
  const program = ts.createProgram([...uses.keys()], {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true, noEmit: true, skipLibCheck: true, types: ['node'],
  });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  const notExported: string[] = [];
  for (const [file, names] of uses) {
    const sf = program.getSourceFile(file)!;
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!);
    for (const name of [...names].sort()) {
      let symbol = exports.find((s) => s.name === name);
      if (symbol === undefined) {
        notExported.push(`${file.slice(ROOT.length)}: ${name}`);
        continue;
      }
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      if (doc === '') missing.push(`${file.slice(ROOT.length)}: ${name} (declared in ${symbol.declarations?.[0]?.getSourceFile().fileName.slice(ROOT.length)})`);
    }
  }
  return { missing, notExported };
}

describe('the API the notebooks use is documented', () => {
  it('finds the library names in the notebooks (imports and ipw.<stage>.<name>)', () => {
    const uses = notebookApiUses();
    expect(uses.get(join(ROOT, 'lib', 'profile', 'index.ts'))).toContain('profile');
    expect(uses.get(join(ROOT, 'lib', 'queries', 'index.ts'))).toContain('loadQueries');
    expect([...uses.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThan(20);
  });

  it('every such export has a doc comment (on its declaration, followed through re-exports)', () => {
    const { missing, notExported } = undocumented(notebookApiUses());
    expect(notExported).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('the checker itself tells a documented export from an undocumented one, through a re-export', () => {
    const dir = tempDir('ipw-api-docs-');
    try {
      writeFileSync(join(dir, 'impl.ts'), '/** Documented. */\nexport function documented(): number { return 1 }\nexport function bare(): number { return 2 }\n');
      writeFileSync(join(dir, 'index.ts'), "export { documented, bare } from './impl.ts';\n");
      const { missing, notExported } = undocumented(new Map([[join(dir, 'index.ts'), new Set(['documented', 'bare', 'absent'])]]));
      expect(missing.map((m) => m.replace(/ \(.*/, '').split(': ')[1])).toEqual(['bare']);
      expect(notExported.map((m) => m.split(': ')[1])).toEqual(['absent']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Turns one notebook cell (TypeScript, possibly with static imports and top-level await) into a script that
// runs in the kernel's persistent global scope. Top-level declarations become assignments to globals, so a
// re-run cell may redefine its `const`s, classes and functions, and later cells see them.
import ts from 'typescript';
import { toAssignmentPattern } from './patterns.ts';

/** Name of the kernel's helper object that compiled cells call (imports, the last value). */
export const HELPER = '__ipw';

export interface CompiledCell {
  /** JavaScript for `vm.Script`: an async arrow function call that resolves to `{ value }` or to undefined. */
  code: string;
  /** Source map of `code` back to the cell, as JSON, for mapping error lines. */
  sourceMap: string | undefined;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  // Keeps every non-`type` import: a name imported in one cell may be used only in a later one.
  verbatimModuleSyntax: true,
  experimentalDecorators: true,
  sourceMap: true,
  inlineSources: false,
  removeComments: false,
};

/** A cell that is an object literal such as `{ a: 1 }` would parse as a block; show it as a value, as Node's REPL does. */
function asObjectLiteral(source: string): string {
  const trimmed = source.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return source;
  const wrapped = `(${trimmed})`;
  const result = ts.transpileModule(wrapped, { compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
  return (result.diagnostics ?? []).length === 0 ? wrapped : source;
}

/** Re-running a cell unchanged (the common case while iterating) skips the TypeScript pass. */
const cache = new Map<string, CompiledCell>();
const CACHE_SIZE = 256;

export function compileCell(source: string, fileName = 'cell.ts'): CompiledCell {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const compiled = compileUncached(source, fileName);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, compiled);
  return compiled;
}

function compileUncached(source: string, fileName: string): CompiledCell {
  const input = asObjectLiteral(source);
  const result = ts.transpileModule(input, {
    compilerOptions: COMPILER_OPTIONS,
    fileName,
    reportDiagnostics: true,
    transformers: { after: [cellTransformer] },
  });
  const syntax = (result.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax !== undefined) throw cellSyntaxError(syntax, input);
  const body = result.outputText.replace(/\/\/# sourceMappingURL=.*\s*$/, '');
  // The wrapper shares the first line with the body so generated line N is line N of the emitted module.
  const code = `(async () => {${body}\n})()`;
  return { code, sourceMap: result.sourceMapText };
}

function cellSyntaxError(d: ts.Diagnostic, source: string): SyntaxError {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  let where = '';
  if (d.start !== undefined) {
    const before = source.slice(0, d.start).split('\n');
    where = ` (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
  }
  return new SyntaxError(`${message}${where}`);
}

const cellTransformer: ts.TransformerFactory<ts.SourceFile> = (context) => (file) => {
  const f = context.factory;
  let importCount = 0;
  const helper = (name: string): ts.Expression => f.createPropertyAccessExpression(f.createIdentifier(HELPER), name);

  // import(spec) -> __ipw.import(spec, (s) => import(s)): the callback keeps the cell as the importer, and the
  // kernel can fall back to the project's own node_modules and map `ipw-lab/...` to the lib.
  const importCall = (spec: ts.Expression, options?: ts.Expression): ts.Expression => {
    const s = f.createIdentifier('s');
    const loader = f.createArrowFunction(undefined, undefined, [f.createParameterDeclaration(undefined, undefined, s)], undefined, undefined,
      f.createCallExpression(f.createToken(ts.SyntaxKind.ImportKeyword) as unknown as ts.Expression, undefined, options ? [s, options] : [s]));
    return f.createCallExpression(helper('import'), undefined, [spec, loader]);
  };

  const rewriteImportCalls = <T extends ts.Node>(node: T): T => {
    const visit = (n: ts.Node): ts.Node => {
      if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments.length >= 1) {
        const args = n.arguments.map((a) => ts.visitNode(a, visit) as ts.Expression);
        return importCall(args[0]!, args[1]);
      }
      return ts.visitEachChild(n, visit, context);
    };
    return ts.visitNode(node, visit) as T;
  };

  const assign = (target: ts.Expression, value: ts.Expression): ts.Statement =>
    f.createExpressionStatement(f.createAssignment(target, value));

  const convertImport = (node: ts.ImportDeclaration): ts.Statement[] => {
    const loaded = f.createAwaitExpression(importCall(node.moduleSpecifier));
    const clause = node.importClause;
    if (clause === undefined) return [f.createExpressionStatement(loaded)];
    if (clause.isTypeOnly) return [];
    const temp = f.createIdentifier(`${HELPER}_module${importCount++}`);
    const out: ts.Statement[] = [
      f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(temp, undefined, undefined, loaded)], ts.NodeFlags.Const)),
    ];
    if (clause.name) out.push(assign(f.createIdentifier(clause.name.text), f.createPropertyAccessExpression(temp, 'default')));
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) out.push(assign(f.createIdentifier(bindings.name.text), temp));
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue;
        const imported = el.propertyName ?? el.name;
        const key = ts.isIdentifier(imported) ? f.createStringLiteral(imported.text) : f.createStringLiteral(imported.text);
        out.push(assign(f.createIdentifier(el.name.text), f.createElementAccessExpression(temp, key)));
      }
    }
    return out;
  };

  const convertVariables = (node: ts.VariableStatement): ts.Statement[] =>
    node.declarationList.declarations.map((d) => {
      const value = d.initializer ? rewriteImportCalls(d.initializer) : f.createVoidZero();
      if (ts.isIdentifier(d.name)) return assign(f.createIdentifier(d.name.text), value);
      return f.createExpressionStatement(f.createParenthesizedExpression(f.createAssignment(toAssignmentPattern(f, d.name), value)));
    });

  const withoutExport = (mods: ts.NodeArray<ts.ModifierLike> | undefined): ts.ModifierLike[] | undefined =>
    mods?.filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword && m.kind !== ts.SyntaxKind.DeclareKeyword);

  const hoisted: ts.Statement[] = [];
  const body: ts.Statement[] = [];
  const statements = file.statements;
  statements.forEach((stmt, index) => {
    const last = index === statements.length - 1;
    if (ts.isImportDeclaration(stmt)) body.push(...convertImport(stmt));
    else if (ts.isVariableStatement(stmt)) body.push(...convertVariables(stmt));
    else if (ts.isFunctionDeclaration(stmt) && stmt.body) {
      const fn = rewriteImportCalls(stmt);
      const expr = f.createFunctionExpression(withoutExport(fn.modifiers) as ts.Modifier[] | undefined, fn.asteriskToken, fn.name, undefined, fn.parameters, undefined, fn.body!);
      // Function declarations are hoisted in JavaScript, so a cell may call one above its definition.
      if (fn.name) hoisted.push(assign(f.createIdentifier(fn.name.text), expr));
      else body.push(f.createExpressionStatement(expr));
    } else if (ts.isClassDeclaration(stmt)) {
      const c = rewriteImportCalls(stmt);
      const expr = f.createClassExpression(withoutExport(c.modifiers), c.name, undefined, c.heritageClauses, c.members);
      body.push(c.name ? assign(f.createIdentifier(c.name.text), expr) : f.createExpressionStatement(expr));
    } else if (ts.isExportDeclaration(stmt)) {
      // `export { a }` names values that are already global.
    } else if (ts.isExportAssignment(stmt)) {
      const e = rewriteImportCalls(stmt.expression);
      body.push(last ? returnValue(f, e) : f.createExpressionStatement(e));
    } else if (ts.isExpressionStatement(stmt) && last) body.push(returnValue(f, rewriteImportCalls(stmt.expression)));
    else body.push(rewriteImportCalls(stmt));
  });
  return f.updateSourceFile(file, [...hoisted, ...body]);
};

function returnValue(f: ts.NodeFactory, e: ts.Expression): ts.Statement {
  // Multi-line, so a trailing `// comment` on the cell's last line ends before the closing brace.
  return f.createReturnStatement(f.createObjectLiteralExpression([f.createPropertyAssignment('value', e)], true));
}

// Type-aware completion and inspection: a TypeScript language service over the cells run so far, as tslab does.
// The service sees one virtual file in the notebook's folder: the latest declaration of every name earlier cells made
// (imports, const/let/var, functions, classes, types), then the cell being typed. `ipw-lab/...` resolves to this
// package's own .ts sources, so library functions show their real signatures and doc comments; the kernel's globals
// (`ipw`, `display`, `prompt`, ...) are declared in a second virtual file. Built on the first request, then kept.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CELLS_FILE = '__ipw_cells__.ts';
const GLOBALS_FILE = join(ROOT, 'kernel', '__ipw_globals__.d.ts');

/** What cells see besides their own names (kernel/globals.ts, display.ts, stdin.ts), for the type checker. */
function globalsSource(libModules: readonly string[]): string {
  const stages = libModules.map((name) => `  readonly ${name}: typeof import('ipw-lab/${name}');`).join('\n');
  return `
type IpwDisplayOptions = import('ipw-lab/display').DisplayOptions;
/** Shows a value below the cell: a MIME bundle as is, anything else as a cell result would be. Resolves to the display id. */
declare function display(value: unknown, options?: IpwDisplayOptions): Promise<string>;
declare namespace display {
  /** Shows HTML (text/html). */
  function html(html: string, options?: IpwDisplayOptions): Promise<string>;
  /** Shows Markdown (text/markdown). */
  function markdown(markdown: string, options?: IpwDisplayOptions): Promise<string>;
  /** Shows an SVG document (image/svg+xml). */
  function svg(svg: string, options?: IpwDisplayOptions): Promise<string>;
  /** Shows a PNG image from its bytes or a file path (image/png, base64). */
  function png(image: Uint8Array | string, options?: IpwDisplayOptions): Promise<string>;
  /** Shows an image (PNG, JPEG, GIF, WebP or SVG, recognised from its bytes or the path's extension). */
  function image(image: Uint8Array | string, options?: IpwDisplayOptions & { mimeType?: string }): Promise<string>;
  /** Shows JSON (application/json, with text/plain beside it). */
  function json(value: unknown, options?: IpwDisplayOptions): Promise<string>;
}
/** Replaces what an earlier display(..., { displayId }) showed. */
declare function updateDisplay(displayId: string, value: unknown): Promise<string>;
/** Clears the running cell's outputs (wait: when the next output arrives). */
declare function clearOutput(wait?: boolean): Promise<void>;
/** Asks the user for a line of text over Jupyter's stdin channel; null when nothing is typed before the front end closes. */
declare function prompt(message?: string, defaultValue?: string): Promise<string | null>;
/** Like prompt(); \`password: true\` hides what is typed. */
declare function input(message?: string, options?: { password?: boolean }): Promise<string>;
/** The kernel: every stage of the library, preloaded, and the running cell's abort signal. */
declare const ipw: {
  /** Aborted when the cell that reads it is interrupted: pass it to long loops (profile() stops on it without being given it). */
  readonly signal: AbortSignal;
  readonly display: typeof display;
  readonly updateDisplay: typeof updateDisplay;
  readonly clearOutput: typeof clearOutput;
${stages}
};
`;
}

/** Names a top-level statement declares, or an empty list for statements that declare nothing. */
function declaredNames(stmt: ts.Statement): string[] {
  const fromBinding = (name: ts.BindingName): string[] => {
    if (ts.isIdentifier(name)) return [name.text];
    return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : fromBinding(el.name)));
  };
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => fromBinding(d.name));
  if (ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isInterfaceDeclaration(stmt)
    || ts.isTypeAliasDeclaration(stmt) || ts.isEnumDeclaration(stmt) || ts.isModuleDeclaration(stmt)) {
    return stmt.name !== undefined && ts.isIdentifier(stmt.name) ? [stmt.name.text] : [];
  }
  if (ts.isImportDeclaration(stmt)) {
    const clause = stmt.importClause;
    if (clause === undefined) return [];
    const names = clause.name ? [clause.name.text] : [];
    const b = clause.namedBindings;
    if (b && ts.isNamespaceImport(b)) names.push(b.name.text);
    if (b && ts.isNamedImports(b)) names.push(...b.elements.map((e) => e.name.text));
    return names;
  }
  return [];
}

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile(CELLS_FILE, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

const hasSyntaxErrors = (sf: ts.SourceFile): boolean => ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length > 0;

interface Declaration {
  names: string[];
  text: string;
}

export interface TypedCompletion {
  names: string[];
  /** After `.` (or `?.`): the names are members of the value on the left. */
  isMember: boolean;
  /** Entry kind per name (`property`, `method`, `function`, ...), for front ends that show it. */
  kinds: Map<string, string>;
}

export interface TypedInfo {
  /** The TypeScript signature or type, e.g. `function profile(options: ProfileOptions): Promise<ProfileResult>`. */
  signature: string;
  /** The doc comment's text, then its tags (`@param x ...`); empty when there is none. */
  documentation: string;
}

export class TypeService {
  /** The latest declaration of each name, in the order cells made them. */
  #declarations: Declaration[] = [];
  #service: ts.LanguageService | undefined;
  #cellsText = '';
  #cellsVersion = 0;
  #globals: string;
  readonly #cwd: () => string;

  constructor(libModules: readonly string[], cwd: () => string = () => process.cwd()) {
    this.#globals = globalsSource(libModules);
    this.#cwd = cwd;
  }

  /** Records a cell that ran, so later cells see its names with their types. Cells with syntax errors are skipped. */
  addCell(code: string): void {
    const sf = parse(code);
    if (hasSyntaxErrors(sf)) return;
    for (const stmt of sf.statements) {
      const names = declaredNames(stmt);
      if (names.length === 0) continue;
      // A re-run cell redefines its names: the older declarations go, so the checker sees one of each.
      this.#declarations = this.#declarations.filter((d) => !d.names.some((n) => names.includes(n)));
      this.#declarations.push({ names, text: stmt.getFullText(sf).trim() });
    }
  }

  /** Completions at `index` (UTF-16) in `code`, the cell being typed; undefined when the service has none. */
  completions(code: string, index: number): TypedCompletion | undefined {
    const at = this.#update(code, index);
    const result = this.#languageService().getCompletionsAtPosition(at.file, at.position, {
      includeCompletionsForModuleExports: false,
      includeCompletionsWithInsertText: true,
    });
    if (result === undefined) return undefined;
    const kinds = new Map<string, string>();
    for (const e of result.entries) if (!kinds.has(e.name)) kinds.set(e.name, e.kind);
    return { names: [...kinds.keys()], isMember: result.isMemberCompletion, kinds };
  }

  /** The signature and doc comment of the name at `index`, or undefined when the checker knows nothing there. */
  info(code: string, index: number): TypedInfo | undefined {
    // On `name|` or `name(|`, ask about the identifier just before the cursor.
    let i = index;
    if (code[i - 1] === '(') i--;
    if (!/[\w$]/.test(code[i] ?? '') && /[\w$]/.test(code[i - 1] ?? '')) i--;
    const at = this.#update(code, i);
    const q = this.#languageService().getQuickInfoAtPosition(at.file, at.position);
    if (q === undefined) return undefined;
    // "(alias) function profile(...)\nimport profile": the alias line names the import, not the function.
    const signature = ts.displayPartsToString(q.displayParts).replace(/^\(alias\) /, '').replace(/\nimport [\w$]+$/, '');
    const tags = (q.tags ?? []).map((t) => `@${t.name}${t.text ? ` ${ts.displayPartsToString(t.text)}` : ''}`);
    const documentation = [ts.displayPartsToString(q.documentation ?? []), ...tags].filter((s) => s !== '').join('\n');
    return { signature, documentation };
  }

  /** Writes the virtual cells file (history, then this cell) and returns where `index` of the cell lands in it. */
  #update(code: string, index: number): { file: string; position: number } {
    const current = new Set(parse(code).statements.flatMap(declaredNames));
    const history = this.#declarations.filter((d) => !d.names.every((n) => current.has(n))).map((d) => d.text).join('\n');
    const prefix = `${history}\n// -- the cell being typed --\n`;
    const text = `${prefix}${code}\nexport {};\n`;
    if (text !== this.#cellsText) {
      this.#cellsText = text;
      this.#cellsVersion++;
    }
    return { file: join(this.#cwd(), CELLS_FILE), position: prefix.length + index };
  }

  #languageService(): ts.LanguageService {
    if (this.#service !== undefined) return this.#service;
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      allowJs: true,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      typeRoots: nodeTypeRoots(),
      paths: {
        'ipw-lab': [join(ROOT, 'lib', 'index.ts')],
        'ipw-lab/display': [join(ROOT, 'kernel', 'display-api.ts')],
        'ipw-lab/*': [join(ROOT, 'lib', '*', 'index.ts')],
      },
    };
    const versions = new Map<string, string>();
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => options,
      getScriptFileNames: () => [join(this.#cwd(), CELLS_FILE), GLOBALS_FILE],
      getScriptVersion: (f) => {
        if (f === join(this.#cwd(), CELLS_FILE)) return String(this.#cellsVersion);
        if (f === GLOBALS_FILE) return '0';
        // Library files do not change while the kernel runs; one version each keeps their parsed trees.
        if (!versions.has(f)) versions.set(f, '0');
        return versions.get(f)!;
      },
      getScriptSnapshot: (f) => {
        if (f === join(this.#cwd(), CELLS_FILE)) return ts.ScriptSnapshot.fromString(this.#cellsText);
        if (f === GLOBALS_FILE) return ts.ScriptSnapshot.fromString(this.#globals);
        return existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined;
      },
      getCurrentDirectory: () => this.#cwd(),
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: (f) => f === join(this.#cwd(), CELLS_FILE) || f === GLOBALS_FILE || ts.sys.fileExists(f),
      readFile: (f) => (f === GLOBALS_FILE ? this.#globals : ts.sys.readFile(f)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    };
    this.#service = ts.createLanguageService(host, ts.createDocumentRegistry());
    return this.#service;
  }
}

/** Where @types/node is: the kernel's own dependency, wherever npm placed it (this clone, or a user's node_modules). */
function nodeTypeRoots(): string[] {
  try {
    return [dirname(dirname(createRequire(import.meta.url).resolve('@types/node/package.json')))];
  } catch {
    return [];
  }
}

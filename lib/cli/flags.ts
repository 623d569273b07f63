// A command's flags as one table: parseArgs reads its flags from it and --help is written from it, so a flag cannot
// be parsed without being documented, and a default shown in the help is the library's constant, never a copy.

/** One flag: how parseArgs reads it and how its help line reads. */
export interface FlagSpec {
  /** A switch that takes no value. */
  boolean?: true;
  /** The value's name in the help (`N`, `DIR`, `auto|rapl|...`); absent for a switch. */
  value?: string;
  /** What the flag does, without its default: that comes from `default`. */
  help: string;
  /** The default, as the library's exported constant (DEFAULT_MAX_TOKENS, ...); the help shows "(default X)". */
  default?: string | number | boolean;
}

/** The value strings of `--model` and `--queries`, shared by every command that takes them. */
export const MODEL_VALUE = '<file.gguf | openai:URL#model>';
export const QUERIES_VALUE = '<path | sample>';

export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** The parseArgs `options` for a table, typed so each value comes back as a string or a boolean. */
export type ParseSpecs<T extends FlagTable> = { [K in keyof T]: { type: T[K] extends { boolean: true } ? 'boolean' : 'string' } };

export function parseSpecs<T extends FlagTable>(table: T): ParseSpecs<T> {
  return Object.fromEntries(Object.entries(table).map(([name, spec]) => [name, { type: spec.boolean ? 'boolean' : 'string' }])) as ParseSpecs<T>;
}

/** The rows of `table` named in `names`, in that order (a command that takes some of a shared set). */
export function pickFlags<T extends FlagTable, K extends keyof T & string>(table: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, table[name]])) as Pick<T, K>;
}

const INDENT = 6;
const NAME_WIDTH = 23;
const WIDTH = 118;

/** Words of `text` in lines: the first at most `firstWidth` characters, the rest `width` (a longer word stands alone). */
function wrap(text: string, firstWidth: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > (lines.length === 0 ? firstWidth : width)) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One flag's help: `--name VALUE   what it does (default X)`, wrapped under the description column. */
export function flagHelpLine(name: string, spec: FlagSpec): string {
  const left = spec.value === undefined ? `--${name}` : `--${name} ${spec.value}`;
  const text = spec.default === undefined ? spec.help : `${spec.help} (default ${spec.default})`;
  const head = ' '.repeat(INDENT) + (left.length < NAME_WIDTH ? left.padEnd(NAME_WIDTH) : `${left}  `);
  const column = ' '.repeat(INDENT + NAME_WIDTH);
  const [first = '', ...rest] = wrap(text, WIDTH - head.length, WIDTH - column.length);
  return [head + first, ...rest.map((line) => column + line)].join('\n');
}

/** Every flag of `table`, one help entry each, in table order. */
export function flagHelp(table: FlagTable): string {
  return Object.entries(table)
    .map(([name, spec]) => flagHelpLine(name, spec))
    .join('\n');
}

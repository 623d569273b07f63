/**
 * The Prometheus text exposition format (version 0.0.4), read and written. The reader follows the grammar of the
 * reference parser (prometheus/common expfmt): `# HELP` / `# TYPE` lines, other comments, samples
 * `name{label="value",...} value [timestamp_ms]`, label values escaping `\\`, `\"` and `\n`, values that Go's
 * ParseFloat accepts (`NaN`, `+Inf`, `-Inf`, exponents). It also takes what newer exporters emit: spaces after commas
 * inside braces, a trailing comma, quoted (UTF-8) metric and label names, CRLF line ends and OpenMetrics' `# EOF`.
 */

export interface PromSample {
  name: string;
  /** Label name -> value. A null-prototype object, so a label named `__proto__` is just a label. */
  labels: Readonly<Record<string, string>>;
  value: number;
  /** The exporter's timestamp, ms since the Unix epoch; null when the sample has none (the usual case). */
  timestampMs: number | null;
  /** 1-based line of the sample in the text. */
  line: number;
}

export interface PromFamily {
  /** counter, gauge, histogram, summary, untyped (or an OpenMetrics type); `untyped` when no TYPE line was given. */
  type: string;
  help: string;
}

export interface PromDocument {
  samples: PromSample[];
  /** Metric families that had a HELP or TYPE line, by name. */
  families: Map<string, PromFamily>;
}

/** Text that breaks the exposition grammar; `line` and `column` are 1-based. */
export class PrometheusParseError extends SyntaxError {
  constructor(
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`Prometheus text, line ${line} column ${column}: ${reason}`);
    this.name = 'PrometheusParseError';
  }
}

const NAME_START = /[a-zA-Z_:]/;
const NAME_CHAR = /[a-zA-Z0-9_:]/;
const LABEL_START = /[a-zA-Z_]/;
const LABEL_CHAR = /[a-zA-Z0-9_]/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(inf|infinity|nan)$/i;
const INTEGER = /^[+-]?\d+$/;

/** A number as Go's strconv.ParseFloat reads it (decimal forms and Inf/NaN), else NaN with `ok` false. Pure. */
export function parsePromNumber(text: string): { ok: boolean; value: number } {
  if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
  if (SPECIAL.test(text)) {
    const lower = text.toLowerCase();
    if (lower.endsWith('nan')) return { ok: true, value: NaN };
    return { ok: true, value: lower.startsWith('-') ? -Infinity : Infinity };
  }
  return { ok: false, value: NaN };
}

/** A cursor over one line. */
class LineReader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly lineNo: number,
  ) {}

  fail(reason: string, at = this.pos): never {
    throw new PrometheusParseError(this.lineNo, at + 1, reason);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  expect(char: string, what: string): void {
    if (this.peek() !== char) this.fail(`expected ${what} ("${char}"), found ${this.done ? 'the end of the line' : `"${this.peek()}"`}`);
    this.pos++;
  }

  /** An identifier matching start/char classes, or a fail naming `what`. */
  identifier(start: RegExp, char: RegExp, what: string): string {
    const from = this.pos;
    if (!start.test(this.peek())) this.fail(`expected ${what}, found ${this.done ? 'the end of the line' : `"${this.peek()}"`}`);
    this.pos++;
    while (!this.done && char.test(this.peek())) this.pos++;
    return this.text.slice(from, this.pos);
  }

  /** A double-quoted string with \\, \" and \n escapes (the label value rules). */
  quoted(): string {
    const open = this.pos;
    this.expect('"', 'a quoted string');
    let out = '';
    for (;;) {
      if (this.done) this.fail('unterminated quoted string', open);
      const c = this.text[this.pos++]!;
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      if (e === '\\') out += '\\';
      else if (e === '"') out += '"';
      else if (e === 'n') out += '\n';
      else this.fail(`invalid escape "\\${e ?? ''}" in a quoted string (only \\\\, \\" and \\n are allowed)`, this.pos - 2);
    }
  }

  /** The next run of characters up to a blank or the end. */
  word(): string {
    const from = this.pos;
    while (!this.done && this.peek() !== ' ' && this.peek() !== '\t') this.pos++;
    return this.text.slice(from, this.pos);
  }
}

/** HELP text unescaping: `\\` and `\n`; any other backslash is kept as it is (expfmt rejects it; a docstring is not worth failing a scrape over). */
function unescapeHelp(text: string): string {
  return text.replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\'));
}

function parseComment(reader: LineReader, families: Map<string, PromFamily>): 'eof' | void {
  reader.pos++; // '#'
  reader.skipBlanks();
  const keyword = reader.word();
  if (keyword === 'EOF' && reader.text.slice(reader.pos).trim() === '') return 'eof';
  if (keyword !== 'HELP' && keyword !== 'TYPE') return; // an ordinary comment
  reader.skipBlanks();
  const name = reader.peek() === '"' ? reader.quoted() : reader.identifier(NAME_START, NAME_CHAR, 'a metric name');
  const family = families.get(name) ?? { type: 'untyped', help: '' };
  if (keyword === 'TYPE') {
    reader.skipBlanks();
    const type = reader.word().toLowerCase();
    if (!/^[a-z]+$/.test(type)) reader.fail(`TYPE of ${name} must be a word such as counter or gauge, got "${type}"`);
    family.type = type;
  } else {
    // One separating blank, then the rest of the line is the docstring.
    if (reader.peek() === ' ' || reader.peek() === '\t') reader.pos++;
    family.help = unescapeHelp(reader.text.slice(reader.pos));
  }
  families.set(name, family);
}

function parseLabels(reader: LineReader, labels: Record<string, string>): string | undefined {
  let quotedName: string | undefined;
  reader.expect('{', 'labels');
  for (;;) {
    reader.skipBlanks();
    if (reader.peek() === '}') break;
    const at = reader.pos;
    let labelName: string;
    if (reader.peek() === '"') {
      labelName = reader.quoted();
      reader.skipBlanks();
      // Prometheus 3: a lone quoted string inside the braces is the metric name.
      if (reader.peek() !== '=') {
        if (quotedName !== undefined) reader.fail('two metric names inside the braces', at);
        quotedName = labelName;
        if (reader.peek() === ',') reader.pos++;
        continue;
      }
    } else {
      labelName = reader.identifier(LABEL_START, LABEL_CHAR, 'a label name');
      reader.skipBlanks();
    }
    reader.expect('=', `"=" after label ${labelName}`);
    reader.skipBlanks();
    const value = reader.quoted();
    if (Object.hasOwn(labels, labelName)) reader.fail(`label ${labelName} appears twice`, at);
    labels[labelName] = value;
    reader.skipBlanks();
    if (reader.peek() === ',') reader.pos++;
    else if (reader.peek() !== '}') reader.fail(`expected "," or "}" after the value of label ${labelName}`);
  }
  reader.pos++; // '}'
  return quotedName;
}

function parseSample(reader: LineReader): PromSample {
  let name = '';
  if (reader.peek() !== '{') name = reader.identifier(NAME_START, NAME_CHAR, 'a metric name');
  const labels = Object.create(null) as Record<string, string>;
  if (reader.peek() === '{') {
    const quotedName = parseLabels(reader, labels);
    if (quotedName !== undefined) {
      if (name !== '') reader.fail(`metric ${name} is named twice`);
      name = quotedName;
    }
  }
  if (name === '') reader.fail('the sample has no metric name');
  if (reader.peek() !== ' ' && reader.peek() !== '\t') reader.fail(`expected a blank before the value of ${name}`);
  reader.skipBlanks();
  const valueAt = reader.pos;
  const valueText = reader.word();
  const value = parsePromNumber(valueText);
  if (!value.ok) reader.fail(`${name}: "${valueText}" is not a number (expected a float, NaN, +Inf or -Inf)`, valueAt);
  reader.skipBlanks();
  let timestampMs: number | null = null;
  if (!reader.done) {
    const tsAt = reader.pos;
    const tsText = reader.word();
    if (!INTEGER.test(tsText)) reader.fail(`${name}: timestamp "${tsText}" is not an integer number of milliseconds`, tsAt);
    timestampMs = Number(tsText);
    reader.skipBlanks();
    if (!reader.done) reader.fail(`${name}: unexpected text after the timestamp`);
  }
  return { name, labels, value: value.value, timestampMs, line: reader.lineNo };
}

/** Parses a whole exposition document; throws PrometheusParseError naming the line and column. Pure. */
export function parsePrometheusText(text: string): PromDocument {
  const samples: PromSample[] = [];
  const families = new Map<string, PromFamily>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const reader = new LineReader(raw.endsWith('\r') ? raw.slice(0, -1) : raw, i + 1);
    reader.skipBlanks();
    if (reader.done) continue;
    if (reader.peek() === '#') {
      if (parseComment(reader, families) === 'eof') break;
      continue;
    }
    samples.push(parseSample(reader));
  }
  return { samples, families };
}

/** Escapes a label value: `\` -> `\\`, `"` -> `\"`, newline -> `\n`. Pure. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Escapes HELP text: `\` -> `\\`, newline -> `\n`. Pure. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A number as the format writes it: shortest round-trip decimal, or NaN / +Inf / -Inf. Pure. */
export function formatPromNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export interface PromFamilyOut {
  name: string;
  type: string;
  help: string;
  samples: { labels?: Record<string, string>; value: number; timestampMs?: number }[];
}

/** Writes families as exposition text (HELP, TYPE, then the samples). Pure. */
export function formatPrometheusText(families: readonly PromFamilyOut[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const entries = Object.entries(s.labels ?? {});
      const labels = entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
      const ts = s.timestampMs === undefined ? '' : ` ${Math.round(s.timestampMs)}`;
      lines.push(`${f.name}${labels} ${formatPromNumber(s.value)}${ts}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What is wrong with an option, for callers that act on it without reading the message:
 * - `invalid`: the value is malformed or out of range (`baselineS: -1`).
 * - `missing`: the call needs an option that was not given (judged queries without `judge`).
 * - `conflict`: the option does not go with another option or with what is already there (`outDir` holds a run).
 * - `unavailable`: the value is valid, but this machine cannot honour it (`library: 'native'` before it is built).
 */
export type OptionErrorCode = 'invalid' | 'missing' | 'conflict' | 'unavailable';

/**
 * A library call refused an option. The message speaks in the library's terms (`baselineS must be 0 or more`), as a
 * notebook user wrote them; the CLI turns `option` (and option names in the message) into its flags.
 */
export class OptionError extends Error {
  override readonly name = 'OptionError';

  constructor(
    /** The option as the caller names it: `baselineS`, `load.map`, `outDir`. */
    readonly option: string,
    readonly code: OptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** lib/errors: the error every stage throws for a bad option, with a code and the option it concerns. */
export { OptionError, type OptionErrorCode } from './option-error.ts';

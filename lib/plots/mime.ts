/**
 * The display contract with the IPW kernel (kernel/): a cell value with this method is shown as the MIME
 * bundle it returns. `Symbol.for` so the kernel and this module agree without importing each other.
 */
export const MIME_BUNDLE: unique symbol = Symbol.for('ipw.mimeBundle');

/** MIME type -> data, as in a Jupyter `display_data` message. */
export type MimeBundle = Record<string, unknown>;

export interface Displayable {
  [MIME_BUNDLE](): MimeBundle;
}

/** True for any value that follows the display contract, whichever module made it. */
export function isDisplayable(value: unknown): value is Displayable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[Symbol.for('ipw.mimeBundle')] === 'function'
  );
}

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JSON that is safe inside an inline `<script>`: `<` is escaped so no string in the data can close the script
 * element, and U+2028/9 so older JS parsers accept it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// The contract between the kernel and libraries that render rich output (lib/plots and user code).
// This file has no runtime dependency on the kernel, so a library can import it whether or not it runs inside one.

/** MIME type -> data, as in Jupyter's display_data: strings for text formats, JSON values for JSON formats. */
export type MimeBundle = Record<string, unknown>;

/**
 * A value whose class has this method is shown by the kernel with the returned bundle, both as a cell's last
 * expression (execute_result) and through `display(value)`. The method may return a Promise (for example,
 * a figure that renders an SVG in a headless browser). A `toMimeBundle()` method is honoured the same way.
 */
export const MIME_BUNDLE = Symbol.for('ipw.mimeBundle');

export interface MimeBundleProvider {
  [MIME_BUNDLE](): MimeBundle | Promise<MimeBundle>;
}

export interface DisplayOptions {
  /** Names the output so `updateDisplay` can replace it later; a fresh id is made when absent. */
  displayId?: string;
  /** Replace the output already shown under `displayId` (update_display_data) instead of adding one. */
  update?: boolean;
  /** Jupyter output metadata, keyed by MIME type (e.g. `{ 'image/png': { width: 400 } }`). */
  metadata?: Record<string, unknown>;
}

export interface KernelDisplay {
  /**
   * Shows `value` below the running cell: a MIME bundle (an object whose keys are all MIME types) is sent as is,
   * anything else is converted as a last expression would be. Resolves to the display id once sent.
   */
  display(value: unknown, options?: DisplayOptions): Promise<string>;
  /** Replaces what an earlier `display(..., { displayId })` showed. */
  updateDisplay(displayId: string, value: unknown): Promise<string>;
}

/** The kernel installs its display API on globalThis under this symbol, where user variables cannot shadow it. */
export const KERNEL_DISPLAY = Symbol.for('ipw.kernel.display');

/** The running kernel's display API, or undefined outside a kernel (CLI, tests, plain Node). */
export function kernelDisplay(): KernelDisplay | undefined {
  return (globalThis as Record<symbol, unknown>)[KERNEL_DISPLAY] as KernelDisplay | undefined;
}

/** True when every key of a plain object is a MIME type, so `display` sends it unchanged. */
export function isMimeBundle(value: unknown): value is MimeBundle {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^[a-z]+\/[\w.+-]+$/i.test(k));
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the system temp dir; the caller removes it. */
export function tempDir(prefix = 'ipw-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

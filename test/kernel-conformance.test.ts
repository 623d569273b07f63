// Jupyter's conformance suite (python3-jupyter-kernel-test) drives the installed kernelspec with jupyter_client.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { installKernel } from '../kernel/install.ts';
import { JUPYTER_PYTHON } from '../kernel/notebook.ts';

it('passes jupyter_kernel_test', () => {
  const prefix = mkdtempSync(join(tmpdir(), 'ipw-conformance-'));
  try {
    installKernel({ prefix });
    const run = spawnSync(JUPYTER_PYTHON, ['test/kernel_conformance.py'], {
      encoding: 'utf8',
      env: { ...process.env, JUPYTER_PATH: join(prefix, 'share', 'jupyter'), JUPYTER_RUNTIME_DIR: join(prefix, 'runtime'), PYDEVD_DISABLE_FILE_VALIDATION: '1' },
      timeout: 240_000,
    });
    // unittest reports on stderr. Only the pager test may be skipped: the kernel has no pager payloads.
    expect(run.stderr, run.stderr).toMatch(/\nOK \(skipped=1\)\s*$/);
    expect(run.stderr).toMatch(/test_pager .* skipped/);
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
});

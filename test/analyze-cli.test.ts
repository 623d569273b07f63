import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStudy } from './analyze-fixture.ts';

const IPW_BIN = new URL('../bin/ipw.js', import.meta.url).pathname;
let root: string;

beforeAll(async () => {
  root = await writeStudy();
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function ipw(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [IPW_BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ipw analyze over a study', () => {
  it('prints the IPW table, coverage and routing, and writes every table as CSV and Parquet', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ipw-analyze-cli-'));
    const runs = fs.readdirSync(root).map((name) => path.join(root, name));
    const result = ipw(['analyze', ...runs, '--reference', 'cloud', '--out', out, '--resamples', '100']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Energy: ESTIMATED in every row (a model, not a measurement). Sources:');
    expect(result.stdout).toContain('[1] estimated (fixture), domain estimated:process-cpu: ESTIMATED (a model, not a measurement)');
    expect(result.stdout).toMatch(/alpha-q4_k_m\s+cpu\s+estimated \[1\]\s+10\s+0\.300 \[/);
    expect(result.stdout).toMatch(/Local coverage[\s\S]*\(all\)\s+10\s+6\s+0\.6/);
    expect(result.stdout).toMatch(/Oracle routing vs always cloud; energy \(includes ESTIMATED energy[^\n]*\n\s+\[1\] estimated \(fixture\)[\s\S]*\(all\)\s+10\s+0\s+0\.6\s+0\.7\s+0\.8\s+1\.143\s+100\s+51\s+49\s+0\.49/);
    for (const name of ['ipw', 'ipw-by-domain', 'coverage', 'coverage-growth', 'routing', 'routing-shares']) {
      expect(fs.existsSync(path.join(out, `${name}.csv`))).toBe(true);
      expect(fs.existsSync(path.join(out, `${name}.parquet`))).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, 'routing.csv'), 'utf8')).toContain('(all),10,0,0.6,0.7,0.8');
  });

  it('explains a glob that matches nothing', () => {
    const result = ipw(['analyze', path.join(root, 'nope-*')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no run folders match/);
  });
});

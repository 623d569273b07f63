import type { ProfileProgress } from '../profile/index.ts';
import { inFlagTerms } from './flag-terms.ts';

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--';
  const totalS = Math.round(ms / 1000);
  const m = Math.floor(totalS / 60);
  const s = totalS % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** One status line: bar, count, ETA, running accuracy and joules per query. */
export function progressLine(p: ProfileProgress, width = 24): string {
  const fraction = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(fraction * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const etaMs = p.doneNow === 0 ? Infinity : (p.elapsedMs / p.doneNow) * (p.total - p.done);
  const accuracy = p.done === 0 ? 0 : p.correct / p.done;
  const joulesPerQuery = p.done === 0 ? 0 : p.energyJ / p.done;
  const estimated = p.last.energyIsEstimate ? ' (estimated)' : '';
  return `[${bar}] ${p.done}/${p.total}  ETA ${formatDuration(etaMs)}  acc ${(accuracy * 100).toFixed(1)}%  ${joulesPerQuery.toFixed(3)} J/query${estimated}`;
}

/** Redraws in place on a terminal; elsewhere (CI logs, pipes) prints a line every tenth of the run. */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (p: ProfileProgress) => void {
  let lastDecile = -1;
  return (p) => {
    // A query that could not run is a row and the run goes on; the user still hears why, in flag terms.
    if (p.last.gradeStatus === 'error') stream.write(`${stream.isTTY ? '\n' : ''}ipw: ${inFlagTerms(p.last.verdict)}\n`);
    const line = progressLine(p);
    if (stream.isTTY) {
      stream.write(`\r${line}${p.done === p.total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((p.done / p.total) * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
  };
}

import type { ProfilePhase, ProfileProgress } from '../profile/index.ts';
import { inFlagTerms } from './flag-terms.ts';

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--';
  const totalS = Math.round(ms / 1000);
  const m = Math.floor(totalS / 60);
  const s = totalS % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** One status line: bar, count, ETA (from the query phase alone), running accuracy, joules per query, the last query's watts and any errors. */
export function progressLine(p: ProfileProgress, width = 24): string {
  const fraction = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(fraction * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const etaMs = p.doneNow === 0 ? Infinity : (p.elapsedMs / p.doneNow) * (p.total - p.done);
  const accuracy = p.done === 0 ? 0 : p.correct / p.done;
  const joulesPerQuery = p.done === 0 ? 0 : p.energyJ / p.done;
  const estimated = p.last.energyIsEstimate ? ' (estimated)' : '';
  const energy = Number.isNaN(joulesPerQuery) ? 'energy not measured' : `${joulesPerQuery.toFixed(3)} J/query  ${p.last.meanPowerW.toFixed(1)} W${estimated}`;
  const errors = p.errors > 0 ? `  ${p.errors} error${p.errors === 1 ? '' : 's'}` : '';
  return `[${bar}] ${p.done}/${p.total}  ETA ${formatDuration(etaMs)}  acc ${(accuracy * 100).toFixed(1)}%  ${energy}${errors}`;
}

/** What each phase before the queries is doing, said once as it starts. */
const PHASE_LINES: Record<ProfilePhase, string> = {
  loading: 'loading the model',
  baseline: 'measuring idle power with the model loaded',
  'warm-up': 'warming up (these generations are not recorded)',
  queries: 'running the queries',
};

/** Prints a start-up line per phase, so the wait before the first query is explained. */
export function phaseReporter(stream: NodeJS.WriteStream = process.stderr): (phase: ProfilePhase) => void {
  return (phase) => stream.write(`ipw: ${PHASE_LINES[phase]}\n`);
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

import { quoteIdent } from '../store/index.ts';
import type { Study } from './study.ts';
import type { Table } from './types.ts';

const FITS = [
  { response: 'energyJ', predictor: 'promptTokens', unit: 'J/token' },
  { response: 'energyJ', predictor: 'completionTokens', unit: 'J/token' },
  { response: 'durationMs', predictor: 'promptTokens', unit: 'ms/token' },
  { response: 'durationMs', predictor: 'completionTokens', unit: 'ms/token' },
] as const;

/**
 * Least-squares lines of energy (J) and latency (ms) against prompt and completion tokens, per model,
 * accelerator and energy source (a fit never mixes measured and estimated joules): slope (per token),
 * intercept (J or ms at zero tokens), R², and the rows fitted.
 * Separate one-predictor fits: prefill and decode costs differ by an order of magnitude, and each slope
 * reads directly as the cost of one more token of that kind.
 */
export async function tokenRegressions(study: Study): Promise<Table> {
  const parts = FITS.map(({ response, predictor }, i) => {
    const [y, x] = [quoteIdent(response), quoteIdent(predictor)];
    return `SELECT model, accelerator, energySource, energyMethod, $response${i}::VARCHAR AS response, $predictor${i}::VARCHAR AS predictor,
      $unit${i}::VARCHAR AS slopeUnit, regr_slope(${y}, ${x}) AS slope, regr_intercept(${y}, ${x}) AS intercept,
      regr_r2(${y}, ${x}) AS r2, regr_count(${y}, ${x})::INTEGER AS n
    FROM results GROUP BY model, accelerator, energySource, energyMethod`;
  });
  const values = Object.fromEntries(
    FITS.flatMap(({ response, predictor, unit }, i) => [[`response${i}`, response], [`predictor${i}`, predictor], [`unit${i}`, unit]]),
  );
  return study.query(`${parts.join(' UNION ALL ')} ORDER BY model, accelerator, energySource, energyMethod, response, predictor`, values);
}

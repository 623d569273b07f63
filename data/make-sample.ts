// Writes data/sample.jsonl, the bundled query set. Run: npx tsx data/make-sample.ts
// This script and data/sample-facts/ are the source of truth; edit the fact tables there and rerun.
import { writeFileSync } from 'node:fs';
import { SAMPLE_PATH } from '../lib/queries/bundled.ts';
import { buildSampleSet, sampleJsonl } from './sample-facts/sample-set.ts';

const queries = buildSampleSet();
writeFileSync(SAMPLE_PATH, sampleJsonl(queries));
const counts = new Map<string, number>();
for (const query of queries) counts.set(query.domain, (counts.get(query.domain) ?? 0) + 1);
const summary = [...counts].map(([domain, count]) => `${domain} ${count}`).join(', ');
process.stdout.write(`wrote ${queries.length} queries to ${SAMPLE_PATH} (${summary})\n`);

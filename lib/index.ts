/**
 * IPW Lab's package root (`import { profile } from 'ipw-lab'`): the calls a notebook starts with, re-exported
 * from the stages that define them. Every stage has its own entry too (`ipw-lab/profile`, `ipw-lab/plots`, ...), with
 * the rest of its API; this file adds nothing of its own, and no stage imports it.
 */
export { openModel, prepareFixtureModel, profile, DEMO_QUERY_COUNT, type ModelSession, type ProfileOptions, type ProfileResult } from './profile/index.ts';
export { loadQueries, sampleQueries, type Query } from './queries/index.ts';
export { regrade, type RegradeOptions, type RegradeResult } from './grade/index.ts';
export { BOOTSTRAP, summarize } from './metrics/index.ts';
export { readPowerTrace } from './energy/index.ts';
export { readManifest, readResults } from './store/index.ts';
export { openStudy } from './analyze/index.ts';
export { htmlTable, liveRun, powerTrace } from './plots/index.ts';

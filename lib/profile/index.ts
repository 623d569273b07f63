export { DEFAULT_MAX_TOKENS, profile, type ProfileOptions, type ProfileProgress, type ProfileResult } from './profile.ts';
export { DEMO_QUERY_COUNT, FIXTURE_CORRECT_FRACTION, FIXTURE_SEED, prepareFixtureModel, type FixtureRequest, type PreparedFixture } from './fixture.ts';
export { judgeFromRunner, openJudge } from './judge.ts';

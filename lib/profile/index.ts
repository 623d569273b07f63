export {
  DEFAULT_MAX_ERROR_FRACTION,
  DEFAULT_MAX_TOKENS,
  DEFAULT_PREFLIGHT,
  DEFAULT_WARMUP_QUERIES,
  DEFAULT_WARMUP_S,
  profile,
  type PreflightMode,
  type ProfileOptions,
  type ProfilePhase,
  type ProfileProgress,
  type ProfileResult,
} from './profile.ts';
export { DEMO_QUERY_COUNT, FIXTURE_CORRECT_FRACTION, FIXTURE_SEED, prepareFixtureModel, type FixtureRequest, type PreparedFixture } from './fixture.ts';
export { judgeFromRunner, openJudge } from './judge.ts';
export { energyPlanFor, type EnergyChoice } from './energy-plan.ts';
export { DEFAULT_BASELINE_MAX_AGE_S, closeModelSessions, openModel, openModelSessions, type ModelSession } from './model-session.ts';
export { runHost, setRunHost, type RunHost } from './host.ts';
export { DERIVED_NOTE, type DerivedGroup, type RunDerived } from './derived.ts';
export { DEFAULT_WORKLOAD, type AgentWorkloadOptions, type Workload } from './agent-workload.ts';
export { AGENT_FIXTURE_SCRIPTS, planAgentConversation, prepareAgentFixture, type AgentFixture, type AgentScript } from './agent-fixture.ts';
export { prepareReasoningFixture, REASONING_FIXTURE_QUERY_COUNT, REASONING_FIXTURE_THINKING_TOKENS, type ReasoningFixture } from './reasoning-fixture.ts';

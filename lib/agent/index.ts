/**
 * lib/agent: an agent loop over any `ModelRunner` (a ReAct text protocol, so it works with every model), built-in
 * tools (an exact calculator, BM25 search over a local document collection, a sandboxed file workspace) and user tools, with time, tokens and energy per turn,
 * per tool call and per task, and graded agent tasks (see docs/agents.md).
 */
export {
  DEFAULT_MAX_OBSERVATION_CHARS,
  DEFAULT_MAX_TASK_TOKENS,
  DEFAULT_AGENT_KV,
  DEFAULT_AGENT_PROTOCOL,
  DEFAULT_MAX_TURN_TOKENS,
  DEFAULT_MAX_TURNS,
  gapsOf,
  runAgent,
  type AgentEnergyInfo,
  type AgentKvMode,
  type AgentProtocol,
  type AgentLoopOptions,
  type AgentOutcome,
  type AgentRun,
  type AgentToolCall,
  type AgentTurn,
} from './loop.ts';
export { describeTools, observationMessage, parseReply, renderPrompt, type ParsedReply } from './react.ts';
export { callNativeTool, parseNativeReply, renderNativePrompt, toolSpecs, type NativeReply } from './native.ts';
export {
  bindArguments,
  calculatorTool,
  callTool,
  DEFAULT_TOOL_TIMEOUT_MS,
  defineTool,
  workspaceTools,
  ToolInputError,
  type AgentTool,
  type ToolCallRecord,
  type ToolParameter,
} from './tools.ts';
export { CalcError, evaluate, exactDecimal, formatRational, MAX_BITS, MAX_EXPONENT, MAX_EXPRESSION_CHARS, type Rational } from './rational.ts';
export { DEFAULT_MAX_FILE_BYTES, Workspace, WorkspaceError, type WorkspaceEntry } from './workspace.ts';
export {
  buildSearchIndex,
  DEFAULT_SEARCH_K,
  formatHits,
  loadDocuments,
  loadSearchIndex,
  MAX_SEARCH_K,
  parseDocumentsJsonl,
  searchDocuments,
  searchTool,
  stem,
  tokenize,
  type Bm25Options,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
} from './search.ts';
export {
  AGENT_DOCS_PATH,
  AGENT_TASKS_PATH,
  BUILTIN_TOOL_NAMES,
  bundledSearchIndex,
  compareFiles,
  DEFAULT_TASK_TOOLS,
  gradeAgentTask,
  loadAgentTasks,
  parseAgentTasks,
  runAgentTask,
  taskTools,
  type AgentTask,
  type BuiltinToolName,
  type AgentTaskOptions,
  type AgentTaskResult,
} from './tasks.ts';

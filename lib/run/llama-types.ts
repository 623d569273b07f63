export type NodeLlamaCpp = typeof import('node-llama-cpp');
export type Llama = Awaited<ReturnType<NodeLlamaCpp['getLlama']>>;
export type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;
export type LlamaContext = Awaited<ReturnType<LlamaModel['createContext']>>;
export type ChatWrapper = NonNullable<ReturnType<NodeLlamaCpp['resolveChatWrapper']>>;

/** How a user message becomes model input: a chat template with a system prompt, or raw completion. */
export interface PromptFormat {
  chatWrapper: ChatWrapper | undefined;
  systemPrompt: string;
}

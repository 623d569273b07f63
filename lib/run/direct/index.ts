export { DirectEngine, type DirectEngineOptions, type DirectGeneration } from './engine.ts';
export { loadedLlamaLibraries, llamaLibrariesInMaps, nativeLlamaLibraries, type LlamaLibraryFiles } from './locate.ts';
export type { DirectStopReason } from './protocol.ts';
export { bindLlamaLibrary, structLayouts, type DirectModelInfo, type StructLayout } from './bindings.ts';
export { buildNativeHelpers, builtNativeHelpers, nativeHelpersPath } from './native-helpers.ts';

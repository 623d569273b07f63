import { open, stat } from 'node:fs/promises';

/**
 * Fails early, with a fix, on files llama.cpp would reject with a terse message.
 * The truncation check is left to the loader, which knows every tensor's size.
 */
export async function assertGgufFile(path: string): Promise<void> {
  let sizeBytes: number;
  try {
    sizeBytes = (await stat(path)).size;
  } catch {
    throw new Error(`model file ${path} does not exist. Pass the path of a .gguf file, or openai:URL#model for a server.`);
  }
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(4);
    await handle.read(header, 0, 4, 0);
    if (sizeBytes < 4 || header.toString('latin1') !== 'GGUF') {
      throw new Error(
        `model file ${path} is not a GGUF file (it does not start with the bytes "GGUF"). ` +
          `Convert the model with llama.cpp's convert_hf_to_gguf.py, or download a .gguf build of it.`,
      );
    }
  } finally {
    await handle.close();
  }
}

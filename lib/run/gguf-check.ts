import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkGgufHeader } from './gguf-header.ts';

/** A folder given as the model: name the GGUF files inside it, so the fix is a copy-paste away. */
async function folderMessage(path: string): Promise<string> {
  const ggufs = (await readdir(path).catch(() => [] as string[])).filter((name) => /\.gguf$/i.test(name)).sort();
  const inside = ggufs.length === 0 ? 'it holds no .gguf file' : `it holds ${ggufs.slice(0, 5).map((name) => join(path, name)).join(', ')}${ggufs.length > 5 ? `, ... (${ggufs.length} in all)` : ''}`;
  return `model ${path} is a folder, not a file (${inside}). Pass the path of one .gguf file.`;
}

/**
 * Fails early, with a fix, on files llama.cpp would reject with a terse message, or load for minutes before failing:
 * a folder, an unreadable path, a file that is not GGUF, and (checkGgufHeader) a corrupt or truncated header, metadata
 * or tensor table, each bounds-checked against the file's size before anything is allocated.
 */
export async function assertGgufFile(path: string): Promise<void> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new Error(await folderMessage(path));
    // A FIFO or a device would hang or stream forever.
    if (!info.isFile()) throw new Error(`model ${path} is not a regular file. Pass the path of a .gguf file.`);
    sizeBytes = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Error(`model file ${path} cannot be reached (${code}): a folder on its path does not let this user in. Fix the folders' permissions (chmod a+x) or copy the file somewhere readable.`);
    }
    throw new Error(`model file ${path} does not exist. Pass the path of a .gguf file, or openai:URL#model for a server.`);
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`model file ${path} cannot be read (${code}). ${code === 'EACCES' || code === 'EPERM' ? `Give this user read permission (chmod a+r ${path}) or copy the file somewhere readable.` : 'Check the file and its disk.'}`);
  }
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
  checkGgufHeader(path);
}

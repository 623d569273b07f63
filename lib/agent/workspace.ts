import { constants } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/** Largest file the workspace reads or writes, in bytes. Default 65536 (DEFAULT_MAX_FILE_BYTES). */
export const DEFAULT_MAX_FILE_BYTES = 65_536;

/** A path the workspace refuses (outside it, through a symlink, not a file); the tool reports it to the model. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

export interface WorkspaceEntry {
  /** Path relative to the workspace root, with '/' separators. */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'other';
  sizeBytes: number;
}

/**
 * A temporary folder an agent may list, read and write, and nothing outside it. Every path is taken relative to
 * the root; absolute paths, `..` escapes and symlinks (anywhere on the path) are refused, and files are opened with
 * O_NOFOLLOW so a link swapped in at the last component is refused too.
 */
export class Workspace {
  private constructor(
    /** The folder's real path (symlinks in tmpdir resolved). */
    readonly root: string,
    readonly maxFileBytes: number,
  ) {}

  /** A new empty folder under the OS temp dir, seeded with `files` (relative path -> UTF-8 content). */
  static async create(options: { files?: Record<string, string>; maxFileBytes?: number } = {}): Promise<Workspace> {
    const root = await realpath(await mkdtemp(join(tmpdir(), 'ipw-agent-')));
    const ws = new Workspace(root, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    for (const [path, content] of Object.entries(options.files ?? {})) await ws.write(path, content);
    return ws;
  }

  /**
   * The absolute path of `path` inside the root, after checking that no component of it that exists is a symlink or
   * leaves the root. Throws WorkspaceError otherwise.
   */
  async resolve(path: string): Promise<string> {
    if (typeof path !== 'string') throw new WorkspaceError('path must be a string');
    if (path.includes('\0')) throw new WorkspaceError('path contains a NUL character');
    const cleaned = path.trim() === '' ? '.' : path.trim();
    if (cleaned.startsWith('/') || /^[A-Za-z]:[\\/]/.test(cleaned) || cleaned.startsWith('~')) {
      throw new WorkspaceError(`'${path}' is not a relative path; paths are relative to the workspace root`);
    }
    const full = resolve(this.root, cleaned);
    const rel = relative(this.root, full);
    if (rel === '..' || rel.startsWith(`..${sep}`)) throw new WorkspaceError(`'${path}' is outside the workspace`);
    // Walk every existing component: a symlink anywhere (even one pointing inside) is refused.
    let at = this.root;
    for (const part of rel === '' ? [] : rel.split(sep)) {
      at = join(at, part);
      const st = await lstat(at).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (st === null) break;
      if (st.isSymbolicLink()) throw new WorkspaceError(`'${path}' goes through a symlink (${this.display(at)}); symlinks are not followed`);
    }
    return full;
  }

  /** Workspace-relative display of an absolute path inside it. */
  display(full: string): string {
    return relative(this.root, full).split(sep).join('/') || '.';
  }

  /** Entries under `dir` (default the root), recursively, sorted by path. Symlinks are listed, not followed. */
  async list(dir = '.'): Promise<WorkspaceEntry[]> {
    const full = await this.resolve(dir);
    const st = await lstat(full).catch(() => null);
    if (st === null) throw new WorkspaceError(`'${dir}' does not exist`);
    if (!st.isDirectory()) throw new WorkspaceError(`'${dir}' is not a directory`);
    const entries = await readdir(full, { withFileTypes: true, recursive: true });
    const out: WorkspaceEntry[] = [];
    for (const e of entries) {
      const abs = join(e.parentPath, e.name);
      const s = await lstat(abs);
      const type = s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
      out.push({ path: this.display(abs), type, sizeBytes: type === 'file' ? s.size : 0 });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A file's UTF-8 text; refuses directories, symlinks and files over `maxFileBytes`. */
  async read(path: string): Promise<string> {
    const full = await this.resolve(path);
    const handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
      throw new WorkspaceError(error.code === 'ENOENT' ? `'${path}' does not exist` : error.code === 'ELOOP' ? `'${path}' is a symlink` : `cannot read '${path}': ${error.code}`);
    });
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new WorkspaceError(`'${path}' is not a file`);
      if (st.size > this.maxFileBytes) throw new WorkspaceError(`'${path}' is ${st.size} bytes, over the ${this.maxFileBytes}-byte limit`);
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  }

  /** Writes (replaces) a file, creating its parent folders; refuses symlinks and content over `maxFileBytes`. */
  async write(path: string, content: string): Promise<number> {
    if (typeof content !== 'string') throw new WorkspaceError('content must be a string');
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > this.maxFileBytes) throw new WorkspaceError(`content is ${bytes} bytes, over the ${this.maxFileBytes}-byte limit`);
    const full = await this.resolve(path);
    if (full === this.root) throw new WorkspaceError('cannot write to the workspace root; give a file name');
    await mkdir(join(full, '..'), { recursive: true });
    // Parents were created after the check: check again, then open without following a link at the last component.
    await this.resolve(path);
    const handle = await open(full, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644).catch((error: NodeJS.ErrnoException) => {
      throw new WorkspaceError(error.code === 'ELOOP' ? `'${path}' is a symlink` : error.code === 'EISDIR' ? `'${path}' is a directory` : `cannot write '${path}': ${error.code}`);
    });
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    return bytes;
  }

  /** Every regular file's text, by workspace-relative path: the folder's end state, for grading. */
  async snapshot(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const e of await this.list()) if (e.type === 'file' && e.sizeBytes <= this.maxFileBytes) out[e.path] = await this.read(e.path);
    return out;
  }

  /** Removes the folder and everything in it. */
  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

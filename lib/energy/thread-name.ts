// Names the threads ipw starts, so per-thread CPU accounting (lib/run/cpu-time.ts) and `top -H` can tell the compute
// threads from the harness's. Threads a named thread creates inherit its name: llama.cpp's OpenMP and ggml workers
// started by the direct engine's worker are "ipw-llama" too.
import koffi from 'koffi';

export const THREAD_NAMES = { llama: 'ipw-llama', sampler: 'ipw-sampler' } as const;

/** Sets the calling thread's name (at most 15 bytes); false where that is not possible (not glibc/musl on Linux). */
export function nameThisThread(name: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const libc = koffi.load(null);
    const self = libc.func('unsigned long pthread_self()');
    const setName = libc.func('int pthread_setname_np(unsigned long, const char *)');
    return setName(self(), name.slice(0, 15)) === 0;
  } catch {
    return false;
  }
}

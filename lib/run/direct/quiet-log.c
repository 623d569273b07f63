/* llama.cpp's log callback for the native build: errors go to stderr, the rest (every load step) is dropped.
 * It is C rather than a JavaScript callback because the callback is one for the whole process: a JavaScript one dies
 * with the worker that registered it, and the next engine to log through it (another engine's context being freed)
 * aborted the process. */
#include <dlfcn.h>
#include <stdio.h>

enum { LOG_LEVEL_ERROR = 4, LOG_LEVEL_CONT = 5 };

static int keep_line;

static void quiet_log(int level, const char *text, void *user) {
  (void)user;
  /* A continuation line follows the fate of the line it continues. */
  if (level != LOG_LEVEL_CONT) keep_line = level >= LOG_LEVEL_ERROR;
  if (keep_line) fputs(text, stderr);
}

/* Installs quiet_log in the already loaded libllama at `llama_path`; 0 on success, -1 when it is not loaded. */
int ipw_quiet_llama_logs(const char *llama_path) {
  void *llama = dlopen(llama_path, RTLD_NOW | RTLD_NOLOAD);
  if (llama == NULL) return -1;
  void (*log_set)(void (*)(int, const char *, void *), void *) = (void (*)(void (*)(int, const char *, void *), void *))dlsym(llama, "llama_log_set");
  if (log_set != NULL) log_set(quiet_log, NULL);
  dlclose(llama);
  return log_set == NULL ? -1 : 0;
}

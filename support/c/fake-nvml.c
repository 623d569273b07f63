/*
 * A stand-in libnvidia-ml.so exporting the NVML calls IPW Lab makes. Devices and their power profiles come from
 * the file named by FAKE_NVML_SCRIPT: "t0 <ns>", then "gpu <uuid> <name> <has_energy_counter 0|1> ms:W ...".
 * Energy and power are exact functions of CLOCK_MONOTONIC at the call, so tests know the ground truth.
 * FAKE_NVML_INIT_RESULT forces nvmlInit_v2's return code (e.g. 9, driver not loaded).
 * Load lines, re-read from the same file on every call that reports them (so a test can change them while a handle
 * is open): "util <uuid> <gpu %> <memory %>" and "proc <uuid> <pid> <used MiB> <sm %>" (a compute process).
 */
#include <stdio.h>
#include <sys/time.h>
#include "profile.h"

#define MAX_GPUS 8
enum { OK = 0, UNINITIALIZED = 1, INVALID_ARGUMENT = 2, NOT_SUPPORTED = 3, NOT_FOUND = 6, INSUFFICIENT_SIZE = 7, DRIVER_NOT_LOADED = 9, UNKNOWN = 999 };

typedef struct {
  char uuid[96];
  char name[96];
  int has_energy;
  power_profile profile;
} gpu;

static gpu gpus[MAX_GPUS];
static int gpu_count;
static int64_t t0_ns;
static int initialized;

int nvmlInit_v2(void) {
  const char *forced = getenv("FAKE_NVML_INIT_RESULT");
  if (forced) return atoi(forced);
  const char *path = getenv("FAKE_NVML_SCRIPT");
  FILE *script = path ? fopen(path, "r") : NULL;
  if (!script) return DRIVER_NOT_LOADED;
  char line[8192];
  gpu_count = 0;
  while (fgets(line, sizeof line, script)) {
    char *save = NULL;
    char *kind = strtok_r(line, " \t\n", &save);
    if (!kind) continue;
    if (strcmp(kind, "t0") == 0) t0_ns = atoll(strtok_r(NULL, " \t\n", &save));
    if (strcmp(kind, "gpu") == 0 && gpu_count < MAX_GPUS) {
      gpu *g = &gpus[gpu_count];
      snprintf(g->uuid, sizeof g->uuid, "%s", strtok_r(NULL, " \t\n", &save));
      snprintf(g->name, sizeof g->name, "%s", strtok_r(NULL, " \t\n", &save));
      g->has_energy = atoi(strtok_r(NULL, " \t\n", &save));
      if (profile_parse(&g->profile, &save) != 0) { fclose(script); return UNKNOWN; }
      gpu_count++;
    }
  }
  fclose(script);
  initialized = 1;
  return OK;
}

int nvmlShutdown(void) { initialized = 0; return OK; }

const char *nvmlErrorString(int result) {
  switch (result) {
    case OK: return "Success";
    case UNINITIALIZED: return "Uninitialized";
    case INVALID_ARGUMENT: return "Invalid Argument";
    case NOT_SUPPORTED: return "Not Supported";
    case NOT_FOUND: return "Not Found";
    case DRIVER_NOT_LOADED: return "Driver Not Loaded";
    default: return "Unknown Error";
  }
}

int nvmlDeviceGetCount_v2(unsigned int *count) {
  if (!initialized) return UNINITIALIZED;
  *count = gpu_count;
  return OK;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, gpu **device) {
  if (!initialized) return UNINITIALIZED;
  if (index >= (unsigned)gpu_count) return INVALID_ARGUMENT;
  *device = &gpus[index];
  return OK;
}

int nvmlDeviceGetHandleByUUID(const char *uuid, gpu **device) {
  if (!initialized) return UNINITIALIZED;
  for (int i = 0; i < gpu_count; i++) if (strcmp(gpus[i].uuid, uuid) == 0) { *device = &gpus[i]; return OK; }
  return NOT_FOUND;
}

static int copy_text(const char *text, char *out, unsigned int length) {
  if (strlen(text) + 1 > length) return INSUFFICIENT_SIZE;
  strcpy(out, text);
  return OK;
}

int nvmlDeviceGetUUID(gpu *device, char *uuid, unsigned int length) { return copy_text(device->uuid, uuid, length); }
int nvmlDeviceGetName(gpu *device, char *name, unsigned int length) { return copy_text(device->name, name, length); }

int nvmlDeviceGetTotalEnergyConsumption(gpu *device, unsigned long long *energy_mj) {
  if (!device->has_energy) return NOT_SUPPORTED;
  *energy_mj = (unsigned long long)(profile_energy_j(&device->profile, since_ms(t0_ns, monotonic_ns())) * 1000.0);
  return OK;
}

int nvmlDeviceGetPowerUsage(gpu *device, unsigned int *power_mw) {
  *power_mw = (unsigned int)(profile_power_w(&device->profile, since_ms(t0_ns, monotonic_ns())) * 1000.0 + 0.5);
  return OK;
}

int nvmlDeviceGetTemperature(gpu *device, int sensor, unsigned int *celsius) {
  (void)device;
  if (sensor != 0) return INVALID_ARGUMENT;
  *celsius = 47;
  return OK;
}

typedef struct { unsigned long long total, free, used; } memory_info;
int nvmlDeviceGetMemoryInfo(gpu *device, memory_info *memory) {
  (void)device;
  memory->total = 80ULL << 30;
  memory->used = 3ULL << 30;
  memory->free = memory->total - memory->used;
  return OK;
}

int nvmlDeviceGetClockInfo(gpu *device, int type, unsigned int *mhz) {
  (void)device;
  *mhz = type == 2 ? 2619 : 1980;
  return OK;
}

/* Load lines for one device from the script: calls back with the tokens after "<kind> <uuid>". */
static int load_lines(gpu *device, const char *kind, void (*each)(char **save, void *state), void *state) {
  const char *path = getenv("FAKE_NVML_SCRIPT");
  FILE *script = path ? fopen(path, "r") : NULL;
  if (!script) return UNKNOWN;
  char line[8192];
  while (fgets(line, sizeof line, script)) {
    char *save = NULL;
    char *k = strtok_r(line, " \t\n", &save);
    char *uuid = k ? strtok_r(NULL, " \t\n", &save) : NULL;
    if (k && uuid && strcmp(k, kind) == 0 && strcmp(uuid, device->uuid) == 0) each(&save, state);
  }
  fclose(script);
  return OK;
}

static unsigned int next_uint(char **save) {
  char *tok = strtok_r(NULL, " \t\n", save);
  return tok ? (unsigned int)strtoul(tok, NULL, 10) : 0;
}

typedef struct { unsigned int gpu, memory; } utilization;
static void read_util(char **save, void *state) {
  utilization *u = state;
  u->gpu = next_uint(save);
  u->memory = next_uint(save);
}

int nvmlDeviceGetUtilizationRates(gpu *device, utilization *out) {
  utilization u = {0, 0};
  int code = load_lines(device, "util", read_util, &u);
  if (code == OK) *out = u;
  return code;
}

/* nvmlProcessInfo_t as drivers since R510 define it for the _v3 calls. */
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; unsigned int gpuInstanceId, computeInstanceId; } process_info;
typedef struct { unsigned int pid, used_mib, sm; } proc_line;
typedef struct { proc_line lines[64]; unsigned int count; } proc_lines;
static void read_proc(char **save, void *state) {
  proc_lines *p = state;
  if (p->count >= 64) return;
  proc_line *l = &p->lines[p->count++];
  l->pid = next_uint(save);
  l->used_mib = next_uint(save);
  l->sm = next_uint(save);
}

int nvmlDeviceGetComputeRunningProcesses_v3(gpu *device, unsigned int *count, process_info *infos) {
  proc_lines p = {.count = 0};
  int code = load_lines(device, "proc", read_proc, &p);
  if (code != OK) return code;
  unsigned int room = *count;
  *count = p.count;
  if (p.count > room || (p.count > 0 && !infos)) return INSUFFICIENT_SIZE;
  for (unsigned int i = 0; i < p.count; i++) {
    infos[i].pid = p.lines[i].pid;
    infos[i].usedGpuMemory = (unsigned long long)p.lines[i].used_mib << 20;
    infos[i].gpuInstanceId = 0xFFFFFFFF;
    infos[i].computeInstanceId = 0xFFFFFFFF;
  }
  return OK;
}

int nvmlDeviceGetGraphicsRunningProcesses_v3(gpu *device, unsigned int *count, process_info *infos) {
  (void)device;
  (void)infos;
  *count = 0;
  return OK;
}

typedef struct { unsigned int pid; unsigned long long timeStamp; unsigned int smUtil, memUtil, encUtil, decUtil; } process_sample;

/* One sample per process, stamped now (microseconds of CLOCK_REALTIME, as NVML's are); none is older than lastSeen. */
int nvmlDeviceGetProcessUtilization(gpu *device, process_sample *samples, unsigned int *count, unsigned long long lastSeen) {
  (void)lastSeen;
  proc_lines p = {.count = 0};
  int code = load_lines(device, "proc", read_proc, &p);
  if (code != OK) return code;
  if (p.count == 0) { *count = 0; return NOT_FOUND; }
  if (!samples || *count < p.count) { *count = p.count; return INSUFFICIENT_SIZE; }
  struct timeval now;
  gettimeofday(&now, NULL);
  for (unsigned int i = 0; i < p.count; i++) {
    samples[i] = (process_sample){ p.lines[i].pid, (unsigned long long)now.tv_sec * 1000000ULL + now.tv_usec, p.lines[i].sm, 0, 0, 0 };
  }
  *count = p.count;
  return OK;
}

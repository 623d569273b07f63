/*
 * A stand-in libnvidia-ml.so exporting the NVML calls IPW Lab makes. Devices and their power profiles come from
 * the file named by FAKE_NVML_SCRIPT: "t0 <ns>", then "gpu <uuid> <name> <has_energy_counter 0|1> ms:W ...".
 * Energy and power are exact functions of CLOCK_MONOTONIC at the call, so tests know the ground truth.
 * FAKE_NVML_INIT_RESULT forces nvmlInit_v2's return code (e.g. 9, driver not loaded).
 */
#include <stdio.h>
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

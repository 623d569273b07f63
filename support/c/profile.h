/*
 * Cyclic, piecewise-linear power profiles shared by the C stand-ins; the TypeScript ground truth mirrors this.
 * Segment i lasts ms[i] while power moves linearly from watts[i] to watts[i+1] (wrapping). Power is continuous on
 * purpose: a step would make any sampled measurement's error depend on where the step falls relative to a read,
 * i.e. on machine load, and the tests must not be flaky. Short ramps (e.g. 20 ms) still exercise fast changes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_SEGMENTS 64

typedef struct {
  int count;
  double ms[MAX_SEGMENTS];
  double watts[MAX_SEGMENTS];
  double cycle_ms;
  double cycle_j;
} power_profile;

/* Parses "ms:W ms:W ..." tokens starting at strtok_r state. */
static inline int profile_parse(power_profile *p, char **save) {
  char *tok;
  p->count = 0;
  p->cycle_ms = 0;
  p->cycle_j = 0;
  while ((tok = strtok_r(NULL, " \t\n", save)) != NULL && p->count < MAX_SEGMENTS) {
    char *colon = strchr(tok, ':');
    if (!colon) return -1;
    *colon = 0;
    p->ms[p->count] = atof(tok);
    p->watts[p->count] = atof(colon + 1);
    p->cycle_ms += p->ms[p->count];
    p->count++;
  }
  for (int i = 0; i < p->count; i++) p->cycle_j += p->ms[i] / 1000.0 * (p->watts[i] + p->watts[(i + 1) % p->count]) / 2;
  return p->count > 0 && p->cycle_ms > 0 ? 0 : -1;
}

static inline double since_ms(int64_t t0_ns, int64_t now_ns) { return (double)(now_ns - t0_ns) / 1e6; }

/* Joules consumed from t0 to t (ms since t0); zero before t0. */
static inline double profile_energy_j(const power_profile *p, double t_ms) {
  if (t_ms <= 0) return 0;
  double cycles = (double)(int64_t)(t_ms / p->cycle_ms);
  double rest = t_ms - cycles * p->cycle_ms;
  double e = cycles * p->cycle_j;
  for (int i = 0; i < p->count && rest > 0; i++) {
    double w0 = p->watts[i], w1 = p->watts[(i + 1) % p->count];
    double d = rest < p->ms[i] ? rest : p->ms[i];
    double wd = w0 + (w1 - w0) * d / p->ms[i];
    e += d / 1000.0 * (w0 + wd) / 2;
    rest -= d;
  }
  return e;
}

static inline double profile_power_w(const power_profile *p, double t_ms) {
  if (t_ms < 0) return p->watts[0];
  double cycles = (double)(int64_t)(t_ms / p->cycle_ms);
  double rest = t_ms - cycles * p->cycle_ms;
  for (int i = 0; i < p->count; i++) {
    if (rest < p->ms[i]) return p->watts[i] + (p->watts[(i + 1) % p->count] - p->watts[i]) * rest / p->ms[i];
    rest -= p->ms[i];
  }
  return p->watts[0];
}

static inline int64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

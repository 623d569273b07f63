/*
 * Stand-in for the kernel's RAPL energy_uj files. Each zone's energy_uj is a FIFO: every open+read by a reader
 * is answered with the counter value computed at that instant from CLOCK_MONOTONIC, so the value is an exact
 * function of time (no staleness from a write period). Values wrap modulo max_energy_range_uj + 1, as the kernel's do.
 * Each answer swaps in a fresh FIFO, so one reader at a time gets exactly one value per open.
 * Every value served is logged as "zone t_ns value" for the test to check clock alignment.
 * Usage: rapl-writer <script> <log>. Script: "t0 <ns>" then "zone <fifo> <range_uj> <offset_uj> ms:W ms:W ...".
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include "profile.h"

#define MAX_ZONES 16

typedef struct {
  int index;
  char path[4096];
  uint64_t range_uj;
  double offset_uj;
  power_profile profile;
} zone;

static zone zones[MAX_ZONES];
static int zone_count;
static int64_t t0_ns;
static FILE *log_file;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void *serve(void *arg) {
  zone *z = arg;
  char text[64];
  char next[4200];
  snprintf(next, sizeof next, "%s.next", z->path);
  for (;;) {
    int fd = open(z->path, O_WRONLY);
    if (fd < 0) continue;
    /*
     * Swap in a fresh FIFO before answering: the reader's next open then waits for the next answer instead of
     * joining this one (a reader that opens while a writer still holds the FIFO would otherwise read nothing).
     */
    unlink(next);
    mkfifo(next, 0644);
    rename(next, z->path);
    int64_t now = monotonic_ns();
    double uj = z->offset_uj + profile_energy_j(&z->profile, since_ms(t0_ns, now)) * 1e6;
    uint64_t value = (uint64_t)uj % (z->range_uj + 1);
    int n = snprintf(text, sizeof text, "%llu\n", (unsigned long long)value);
    if (write(fd, text, n) < 0) { /* the reader went away */ }
    close(fd);
    pthread_mutex_lock(&log_lock);
    fprintf(log_file, "%d %lld %llu\n", z->index, (long long)now, (unsigned long long)value);
    pthread_mutex_unlock(&log_lock);
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  FILE *script = fopen(argv[1], "r");
  log_file = fopen(argv[2], "w");
  if (!script || !log_file) return 2;
  char line[8192];
  while (fgets(line, sizeof line, script)) {
    char *save = NULL;
    char *kind = strtok_r(line, " \t\n", &save);
    if (!kind) continue;
    if (strcmp(kind, "t0") == 0) t0_ns = atoll(strtok_r(NULL, " \t\n", &save));
    if (strcmp(kind, "zone") == 0 && zone_count < MAX_ZONES) {
      zone *z = &zones[zone_count];
      z->index = zone_count;
      snprintf(z->path, sizeof z->path, "%s", strtok_r(NULL, " \t\n", &save));
      z->range_uj = strtoull(strtok_r(NULL, " \t\n", &save), NULL, 10);
      z->offset_uj = atof(strtok_r(NULL, " \t\n", &save));
      if (profile_parse(&z->profile, &save) != 0) return 3;
      zone_count++;
    }
  }
  fclose(script);
  signal(SIGPIPE, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  for (int i = 0; i < zone_count; i++) {
    pthread_t thread;
    pthread_create(&thread, NULL, serve, &zones[i]);
  }
  printf("ready\n");
  fflush(stdout);
  int sig;
  sigwait(&set, &sig);
  pthread_mutex_lock(&log_lock);
  fflush(log_file);
  _exit(0);
}

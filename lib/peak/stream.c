// Memory bandwidth probe of `ipw peak` (lib/peak/bandwidth.ts compiles it with cc -O3 -march=native -fopenmp).
//   stream ARRAY_MIB REPETITIONS
// Three arrays of ARRAY_MIB MiB of doubles, first touched by the threads that use them. Two kernels, each timed
// REPETITIONS times (after one untimed pass), the best pass kept, as STREAM does:
//   triad a[i] = b[i] + s * c[i]: 24 bytes counted per element (two reads, one write; the write-allocate read is
//                                 not counted, as in STREAM, so the figure is a lower bound of the traffic);
//   read  sum += a[i]:            8 bytes per element, the pattern of a decode step streaming weights.
// Prints one JSON object. Threads: OMP_NUM_THREADS (the caller sets it).
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ARRAY_MIB REPETITIONS\n", argv[0]);
    return 2;
  }
  const size_t n = (size_t)atoll(argv[1]) * 1024 * 1024 / sizeof(double);
  const int reps = atoi(argv[2]);
  if (n == 0 || reps < 1) {
    fprintf(stderr, "ARRAY_MIB and REPETITIONS must be 1 or more\n");
    return 2;
  }
  double *a = aligned_alloc(64, n * sizeof(double));
  double *b = aligned_alloc(64, n * sizeof(double));
  double *c = aligned_alloc(64, n * sizeof(double));
  if (!a || !b || !c) {
    fprintf(stderr, "cannot allocate 3 x %s MiB\n", argv[1]);
    return 1;
  }
#pragma omp parallel for schedule(static)
  for (size_t i = 0; i < n; i++) {
    a[i] = 0.0;
    b[i] = 1.0;
    c[i] = 2.0;
  }
  const double s = 3.0;
  double triad_best = 1e30, read_best = 1e30, checksum = 0.0;
  for (int k = 0; k <= reps; k++) {
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
    for (size_t i = 0; i < n; i++) a[i] = b[i] + s * c[i];
    double t1 = omp_get_wtime();
    double sum = 0.0;
#pragma omp parallel for simd schedule(static) reduction(+ : sum)
    for (size_t i = 0; i < n; i++) sum += a[i];
    double t2 = omp_get_wtime();
    checksum += sum;
    if (k == 0) continue;
    if (t1 - t0 < triad_best) triad_best = t1 - t0;
    if (t2 - t1 < read_best) read_best = t2 - t1;
  }
  // Every a[i] is 7: a wrong sum means the loops were not run as written.
  const int valid = checksum == 7.0 * (double)n * (reps + 1);
  printf("{\"threads\":%d,\"elements\":%zu,\"repetitions\":%d,\"triadS\":%.9g,\"triadBytes\":%zu,\"readS\":%.9g,\"readBytes\":%zu,\"valid\":%s}\n",
         omp_get_max_threads(), n, reps, triad_best, 3 * n * sizeof(double), read_best, n * sizeof(double), valid ? "true" : "false");
  free(a);
  free(b);
  free(c);
  return valid ? 0 : 1;
}

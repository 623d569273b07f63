/* Greedy sampling's argmax, compiled for this CPU beside the native llama.cpp build (lib/run/direct/native-argmax.ts).
 * It reads llama.cpp's logits in place: 2 us on a 32k vocabulary here, against 12-20 us for the WebAssembly version,
 * which must first copy them into its own memory. */
#include <stdint.h>
#if defined(__AVX2__)
#include <immintrin.h>
#endif

/* Index of the first largest of n floats, as llama.cpp's greedy sampler picks it. */
int32_t ipw_argmax_f32(const float *x, int32_t n) {
  if (n <= 0) return -1;
  int32_t i = 0;
  float best = x[0];
#if defined(__AVX2__)
  if (n >= 32) {
    /* Four independent accumulators so the max instructions overlap. */
    __m256 m0 = _mm256_loadu_ps(x), m1 = m0, m2 = m0, m3 = m0;
    for (; i + 32 <= n; i += 32) {
      m0 = _mm256_max_ps(m0, _mm256_loadu_ps(x + i));
      m1 = _mm256_max_ps(m1, _mm256_loadu_ps(x + i + 8));
      m2 = _mm256_max_ps(m2, _mm256_loadu_ps(x + i + 16));
      m3 = _mm256_max_ps(m3, _mm256_loadu_ps(x + i + 24));
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, _mm256_max_ps(_mm256_max_ps(m0, m1), _mm256_max_ps(m2, m3)));
    for (int k = 0; k < 8; k++) if (lanes[k] > best) best = lanes[k];
  }
#endif
  for (; i < n; i++) if (x[i] > best) best = x[i];
  int32_t j = 0;
#if defined(__AVX2__)
  const __m256 target = _mm256_set1_ps(best);
  for (; j + 8 <= n; j += 8) {
    int mask = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(x + j), target, _CMP_EQ_OQ));
    if (mask != 0) return j + __builtin_ctz(mask);
  }
#endif
  for (; j < n; j++) if (x[j] == best) return j;
  return 0;
}

/* AVX-512 kernels (x86-64 only; chosen at run time, see dispatch.c). */
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,f16c"))), apply_to = function)
#define PK_SUFFIX avx512
#define PK_MR 8
#define PK_HAS_F16C 1
#define PK_NP 2
#include "kernels_body.h"
#pragma clang attribute pop
#endif

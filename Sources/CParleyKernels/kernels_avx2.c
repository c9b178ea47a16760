/* AVX2 + FMA kernels (x86-64 only; chosen at run time, see dispatch.c). */
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#define PK_SUFFIX avx2
#define PK_MR 4
#define PK_HAS_F16C 1
#define PK_NP 1
#include "kernels_body.h"
#pragma clang attribute pop
#endif

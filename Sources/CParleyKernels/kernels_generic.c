/* The portable kernels: the compiler's baseline target (SSE2 on x86-64, NEON on arm64). */
#define PK_SUFFIX generic
#define PK_MR 2
#define PK_NP 1
#include "kernels_body.h"

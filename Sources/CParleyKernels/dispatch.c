#include "parley_kernels.h"
#include "kernels_internal.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static uint64_t read_xcr0(void) {
    uint32_t eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((uint64_t)edx << 32) | eax;
}

/* The CPU's features and whether the OS saves the registers they use. */
static int x86_supports(pk_kernel kernel) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int osxsave = (ecx >> 27) & 1, fma = (ecx >> 12) & 1, avx = (ecx >> 28) & 1, f16c = (ecx >> 29) & 1;
    if (!osxsave || !avx || !fma || !f16c) return 0;
    uint64_t xcr0 = read_xcr0();
    if ((xcr0 & 0x6) != 0x6) return 0; /* XMM and YMM state */
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int avx2 = (ebx >> 5) & 1;
    if (kernel == PK_KERNEL_AVX2) return avx2;
    if (kernel == PK_KERNEL_AVX512) {
        int f = (ebx >> 16) & 1, dq = (ebx >> 17) & 1, bw = (ebx >> 30) & 1, vl = (ebx >> 31) & 1;
        return avx2 && f && dq && bw && vl && (xcr0 & 0xE6) == 0xE6; /* opmask, ZMM_Hi256, Hi16_ZMM */
    }
    return 0;
}
#endif

/* cpuid is costly (a VM exit under a hypervisor), so each answer is asked once:
 * -1 unknown, 0 no, 1 yes. Races only repeat the same question. */
static _Atomic int supported_cache[3] = {-1, -1, -1};

int pk_kernel_supported(pk_kernel kernel) {
    if ((int)kernel < 0 || (int)kernel > 2) return 0;
    int known = supported_cache[kernel];
    if (known >= 0) return known;
    int answer = 0;
    switch (kernel) {
    case PK_KERNEL_GENERIC: answer = 1; break;
#if defined(__x86_64__)
    case PK_KERNEL_AVX2:
    case PK_KERNEL_AVX512: answer = x86_supports(kernel); break;
#endif
    default: answer = 0;
    }
    supported_cache[kernel] = answer;
    return answer;
}

pk_kernel pk_best_kernel(void) {
    if (pk_kernel_supported(PK_KERNEL_AVX512)) return PK_KERNEL_AVX512;
    if (pk_kernel_supported(PK_KERNEL_AVX2)) return PK_KERNEL_AVX2;
    return PK_KERNEL_GENERIC;
}

const char *pk_kernel_name(pk_kernel kernel) {
    switch (kernel) {
    case PK_KERNEL_AVX512: return "avx512";
    case PK_KERNEL_AVX2: return "avx2-fma";
    default: return "generic";
    }
}

size_t pk_packed_count(int n, int k) { return (size_t)n * (size_t)k; }

void pk_pack(const float *w, int n, int k, float *packed) {
    for (int p = 0; p < n / PK_PANEL; p++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < PK_PANEL; j++)
                packed[((size_t)p * k + i) * PK_PANEL + j] = w[(size_t)(p * PK_PANEL + j) * k + i];
}

/* An unsupported kernel (a caller's mistake) runs the generic one rather than fault. */
#if defined(__x86_64__)
#define DISPATCH(kernel, name, ...)                                              \
    do {                                                                         \
        if ((kernel) == PK_KERNEL_AVX512 && pk_kernel_supported(PK_KERNEL_AVX512)) \
            name##_avx512(__VA_ARGS__);                                          \
        else if ((kernel) == PK_KERNEL_AVX2 && pk_kernel_supported(PK_KERNEL_AVX2)) \
            name##_avx2(__VA_ARGS__);                                            \
        else                                                                     \
            name##_generic(__VA_ARGS__);                                         \
    } while (0)
#else
#define DISPATCH(kernel, name, ...) name##_generic(__VA_ARGS__)
#endif

void pk_linear_slice(pk_kernel kernel, const float *x, int m, int k, const float *packed, int n, const float *bias,
                     float *y, int first, int end) {
    DISPATCH(kernel, pk_linear, x, m, k, packed, n, bias, y, first, end);
}

void pk_linear(pk_kernel kernel, const float *x, int m, int k, const float *packed, int n, const float *bias, float *y) {
    pk_linear_slice(kernel, x, m, k, packed, n, bias, y, 0, n / PK_PANEL);
}

void pk_linear_f16_slice(pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n,
                         const float *bias, float *y, int first, int end) {
    DISPATCH(kernel, pk_linear_f16, x, m, k, packed, n, bias, y, first, end);
}

void pk_linear_f16(pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n, const float *bias, float *y) {
    pk_linear_f16_slice(kernel, x, m, k, packed, n, bias, y, 0, n / PK_PANEL);
}

/* float to binary16, round to nearest even; overflow to infinity (weights never do). */
static uint16_t to_half(float value) {
    union { float f; uint32_t u; } v = {.f = value};
    const uint32_t sign = (v.u >> 16) & 0x8000u;
    const int exponent = (int)((v.u >> 23) & 0xFF) - 127 + 15;
    uint32_t mantissa = v.u & 0x7FFFFFu;
    if (((v.u >> 23) & 0xFF) == 0xFF) return (uint16_t)(sign | 0x7C00u | (mantissa ? 0x200u : 0));
    if (exponent >= 0x1F) return (uint16_t)(sign | 0x7C00u);
    if (exponent <= 0) {
        if (exponent < -10) return (uint16_t)sign;
        mantissa |= 0x800000u;
        const uint32_t shift = (uint32_t)(14 - exponent), halfway = 1u << (shift - 1), rest = mantissa & ((1u << shift) - 1);
        uint32_t half = mantissa >> shift;
        if (rest > halfway || (rest == halfway && (half & 1))) half++;
        return (uint16_t)(sign | half);
    }
    const uint32_t rest = mantissa & 0x1FFFu;
    uint32_t half = ((uint32_t)exponent << 10) | (mantissa >> 13);
    if (rest > 0x1000u || (rest == 0x1000u && (half & 1))) half++;
    return (uint16_t)(sign | half);
}

void pk_pack_f16(const float *w, int n, int k, uint16_t *packed) {
    for (int p = 0; p < n / PK_PANEL; p++)
        for (int i = 0; i < k; i++)
            for (int j = 0; j < PK_PANEL; j++)
                packed[((size_t)p * k + i) * PK_PANEL + j] = to_half(w[(size_t)(p * PK_PANEL + j) * k + i]);
}

void pk_gelu(pk_kernel kernel, float *x, size_t count) { DISPATCH(kernel, pk_gelu, x, count); }

void pk_add_layernorm(pk_kernel kernel, float *x, const float *residual, const float *gamma, const float *beta,
                      int m, int n, float eps) {
    DISPATCH(kernel, pk_add_layernorm, x, residual, gamma, beta, m, n, eps);
}

void pk_attention_slice(pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim, int first, int end,
                        float *out, float *scratch) {
    DISPATCH(kernel, pk_attention, qkv, tokens, heads, head_dim, first, end, out, scratch);
}

void pk_attention(pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim, float *out, float *scratch) {
    pk_attention_slice(kernel, qkv, tokens, heads, head_dim, 0, heads, out, scratch);
}

void pk_f16_to_f32(const uint16_t *half, size_t count, float *out) {
    for (size_t i = 0; i < count; i++) {
        const uint32_t h = half[i], sign = (h & 0x8000u) << 16, exponent = (h >> 10) & 0x1Fu, mantissa = h & 0x3FFu;
        union { uint32_t u; float f; } v;
        if (exponent == 0x1F) {
            v.u = sign | 0x7F800000u | (mantissa << 13);
        } else if (exponent != 0) {
            v.u = sign | ((exponent + 112u) << 23) | (mantissa << 13);
        } else {
            v.f = (float)mantissa * 5.9604644775390625e-08f; /* 2^-24: zero and subnormals */
            v.u |= sign;
        }
        out[i] = v.f;
    }
}

#include "CFuzzerDriver.h"

/* libFuzzer's entry point for programs that bring their own main (LLVM 11 and later). */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int parley_fuzz_run(int argc, char **argv, parley_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}

#ifndef PARLEY_C_FUZZER_DRIVER_H
#define PARLEY_C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The input callback of libFuzzer (LLVMFuzzerTestOneInput's type).
typedef int (*parley_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver with the process's arguments and `callback`;
/// returns its exit status. SwiftPM links an executable's `main` to the
/// module's own entry point (`--defsym main=<module>_main`), so the targets
/// call the driver from there instead of using libFuzzer's `main`.
int parley_fuzz_run(int argc, char **argv, parley_fuzz_callback callback);

#endif

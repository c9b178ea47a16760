import Benchmark
import CSQLiteCrypt
import Glibc
import MicroBenchmarkSupport

// The page cipher alone, called exactly as the VFS calls it (parley_crypt_seal
// and parley_crypt_open: 4056 bytes, a detached tag, the associated data of a
// database page, nonces drawn from the OS 32 at a time like the VFS's pool,
// pages opened in place), once with the implementation the VFS uses (OpenSSL
// where it passed its self-test) and once with libsodium alone; beside them a
// copy of the same page, the floor any page transform pays.
// What the VFS costs inside SQLite (against plain SQLite, SQLCipher) stays in
// vfs-bench and Benchmarks/sqlbench-3way.sh, which run whole workloads.

let benchmarks: @Sendable () -> Void = {
    let configuration = MicroConfiguration.configuration(scalingFactor: .kilo)
    for (name, cipher) in [("in use", PARLEY_CRYPT_CIPHER_DEFAULT), ("libsodium", PARLEY_CRYPT_CIPHER_LIBSODIUM)] {
        Benchmark("PageCipher: seal one page (\(name))", configuration: configuration) { benchmark in
            let page = PageImage(cipher: cipher)
            benchmark.startMeasurement()
            for index in benchmark.scaledIterations {
                try page.seal(index)
            }
            benchmark.stopMeasurement()
        }
        Benchmark("PageCipher: open one page (\(name))", configuration: configuration) { benchmark in
            let page = PageImage(cipher: cipher)
            try page.seal(0)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                try page.openInPlace()
            }
            benchmark.stopMeasurement()
            try page.checkOpened()
        }
    }
    Benchmark("PageCipher: baseline: copy one page", configuration: configuration) { benchmark in
        let page = PageImage(cipher: PARLEY_CRYPT_CIPHER_DEFAULT)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            page.copy()
        }
        benchmark.stopMeasurement()
    }
}

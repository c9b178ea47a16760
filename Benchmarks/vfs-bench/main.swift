// vfs-bench: the SQLCipher anchor workload (/work/shared/bench/sqlcipher/sqlbench.c)
// run against plain SQLite, plain SQLite with 40 reserved bytes a page, the
// parley-crypt VFS, and the same VFS with libsodium computing every page (the
// implementation before OpenSSL's); arms alternate A B C D A B C D for N
// rounds; medians and ratios. Every round also times both implementations
// sealing and opening page images alone, so the report can say how much of
// parley-crypt's cost is the cipher itself.
//
// usage: vfs-bench [--rounds N] [--dir DIRECTORY] [--arm NAME]...
import GRDBSQLite
import CSQLiteCrypt
import CSodium
import Glibc

/// Writes a line to standard error.
func printError(_ message: String) {
    var text = message + "\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

func usage() -> String {
    """
    usage: vfs-bench [--rounds N] [--dir DIRECTORY] [--arm NAME]...
      --rounds N       rounds of every arm, alternated (default 5)
      --dir DIRECTORY  where the database is written (default: a new directory in /tmp)
      --arm NAME       run only this arm (repeatable): plain, plain+reserve40, parley-crypt,
                       parley-crypt-libsodium
    """
}

func parseArguments() -> (rounds: Int, directory: String?, arms: [Arm])? {
    var rounds = 5
    var directory: String?
    var arms: [Arm] = []
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--rounds":
            guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
            rounds = value
        case "--dir":
            guard let value = arguments.popFirst() else { return nil }
            directory = value
        case "--arm":
            guard let value = arguments.popFirst().flatMap(Arm.init(rawValue:)) else { return nil }
            arms.append(value)
        default:
            return nil
        }
    }
    return (rounds, directory, arms.isEmpty ? Arm.allCases : arms)
}

func line(_ arm: Arm, _ m: Measurement) -> String {
    func s(_ x: Double) -> String { String(Int((x * 10_000).rounded())).withDecimal(4) }
    return "arm=\(arm.rawValue) ver=\(String(cString: sqlite3_libversion())) a=\(s(m.inserts)) b=\(s(m.transactions)) c=\(s(m.selects)) "
        + "cpu_a=\(s(m.insertsCPU)) cpu_b=\(s(m.transactionsCPU)) cpu_c=\(s(m.selectsCPU)) "
        + "pagesize=\(m.pageSize) filesize=\(m.fileSize) bytes_read=\(m.bytesRead) encrypted=\(m.encrypted ? "yes" : "no") "
        + "pages_written_a=\(m.pagesWrittenA) pages_written_b=\(m.pagesWrittenB) page_misses_c=\(m.pageMissesC)"
}

extension String {
    /// "12345" with 4 decimals -> "1.2345"
    func withDecimal(_ places: Int) -> String {
        let digits = count <= places ? String(repeating: "0", count: places + 1 - count) + self : self
        return "\(digits.dropLast(places)).\(digits.suffix(places))"
    }
}

func main() -> Int32 {
    guard let options = parseArguments() else {
        printError(usage())
        return 2
    }
    var template = Array("/tmp/vfs-bench-XXXXXX".utf8CString)
    let directory = options.directory ?? template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!).map { String(cString: $0) } }
    guard let directory else {
        printError("vfs-bench: cannot create a directory in /tmp")
        return 1
    }
    let path = "\(directory)/bench.db"

    var key = [UInt8](repeating: 0, count: Int(PARLEY_CRYPT_KEY_BYTES))
    randombytes_buf(&key, key.count)
    guard parley_crypt_register() == SQLITE_OK, parley_crypt_set_key(path, key) == SQLITE_OK else {
        printError("vfs-bench: cannot register the VFS")
        return 1
    }
    sodium_memzero(&key, key.count)
    let implementation = parley_crypt_cipher() == PARLEY_CRYPT_CIPHER_OPENSSL ? "openssl" : "libsodium"
    print("parley-crypt computes pages with \(implementation) (OpenSSL: \(String(cString: parley_crypt_openssl_status())))")

    var rounds: [(arm: Arm, measurement: Measurement)] = []
    var ciphers: [CipherCost] = []
    do {
        for _ in 0..<options.rounds {
            let cipher = CipherCost.measure()
            print("cipher seal_us=\(Report.microseconds(cipher.seal)) open_us=\(Report.microseconds(cipher.open)) "
                + "libsodium_seal_us=\(Report.microseconds(cipher.libsodiumSeal)) libsodium_open_us=\(Report.microseconds(cipher.libsodiumOpen))")
            ciphers.append(cipher)
            for arm in options.arms {
                let before = PageStats.now()
                guard parley_crypt_use_cipher_on_this_thread(arm.cipher) == SQLITE_OK else {
                    throw BenchError(description: "cannot choose the page cipher of \(arm.rawValue)")
                }
                defer { _ = parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_DEFAULT) }
                let m = try Workload.run(arm: arm, path: path)
                print(line(arm, m) + " " + PageStats.now().since(before).description)
                rounds.append((arm, m))
            }
        }
    } catch {
        printError("vfs-bench: \(error)")
        return 1
    }
    for text in Report(rounds: rounds, ciphers: ciphers).lines { print(text) }
    if options.directory == nil { rmdir(directory) }
    return 0
}

exit(main())

import Foundation
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes raw key files with POSIX calls, straight to and from
/// secure memory: no intermediate Data or String holds the secret.
enum SecretFile {
    /// Creates `url` exclusively with mode 0600 and writes `bytes`, then fsyncs.
    static func write(_ bytes: UnsafeRawBufferPointer, to url: URL) throws(EngineError) {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .keys("cannot create \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            guard result > 0 else { throw .keys("cannot write \(url.path): \(String(cString: strerror(errno)))") }
            written += result
        }
        guard fsync(fd) == 0 else { throw .keys("cannot sync \(url.path): \(String(cString: strerror(errno)))") }
        // The new name must survive a power cut too.
        let directory = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { throw .keys("cannot open \(url.deletingLastPathComponent().path) to sync it") }
        defer { close(directory) }
        guard fsync(directory) == 0 else { throw .keys("cannot sync \(url.deletingLastPathComponent().path)") }
    }

    /// Reads a 32-byte key file into secure memory.
    static func readKey(_ url: URL) throws(EngineError) -> SymmetricKey {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .keys("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // Checked again on the open descriptor: the path may have changed since it was inspected.
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .keys("\(url.path) must be a regular file of the user running Parley, mode 0600; run: chmod 600 \(url.path)")
        }
        var short = false
        var failure: Int32 = 0
        let bytes: SecureBytes
        do {
            bytes = try SecureBytes(count: SymmetricKey.byteCount) { buffer in
                var extra: UInt8 = 0
                let total = readFully(fd, buffer.baseAddress!, buffer.count, error: &failure)
                short = total != buffer.count || readFully(fd, &extra, 1, error: &failure) != 0
            }
        } catch {
            throw .keys(error.description)
        }
        guard failure == 0 else { throw .keys("cannot read \(url.path): \(String(cString: strerror(failure)))") }
        guard !short else {
            throw .keys("\(url.path) is not a Parley master key (it must hold exactly 32 bytes)")
        }
        do { return try SymmetricKey(bytes) } catch { throw .keys(error.description) }
    }

    /// Reads until `count` bytes, end of file or an error (`error` gets errno),
    /// retrying interrupted reads; returns the bytes read.
    private static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, error: inout Int32) -> Int {
        var total = 0
        while total < count {
            let result = read(fd, buffer + total, count - total)
            if result > 0 {
                total += result
            } else if result < 0, errno == EINTR {
                continue
            } else {
                if result < 0 { error = errno }
                break
            }
        }
        return total
    }

    /// Reads the first line of a passphrase file into secure memory.
    static func readPassphrase(_ url: URL) throws(EngineError) -> SecureBytes {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .keys("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        defer { SecureBytes.wipe(&buffer) }
        var failure: Int32 = 0
        let count = buffer.withUnsafeMutableBytes { readFully(fd, $0.baseAddress!, $0.count, error: &failure) }
        guard failure == 0 else { throw .keys("cannot read \(url.path): \(String(cString: strerror(failure)))") }
        guard count > 0 else { throw .keys("\(url.path) is empty") }
        guard let newline = buffer[0..<count].firstIndex(of: UInt8(ascii: "\n")) ?? (count < buffer.count ? count : nil) else {
            throw .keys("the first line of \(url.path) is longer than \(buffer.count - 1) bytes")
        }
        var end = newline
        if end > 0, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end >= 8 else { throw .keys("the passphrase in \(url.path) must have at least 8 characters") }
        do { return try SecureBytes(copying: buffer[0..<end]) } catch { throw .keys(error.description) }
    }
}

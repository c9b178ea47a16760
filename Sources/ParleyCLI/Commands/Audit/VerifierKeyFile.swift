import ArgumentParser
import Foundation
import ParleyAudit

/// Reads a `--public-key` file: the verifier key string and at most one line
/// end (LF or CR LF), as parley-audit-format(5), "Key file", says. An
/// unreadable or malformed file is a usage error naming the file.
enum VerifierKeyFile {
    static func read(_ path: String) throws -> NoteVerifierKey {
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("cannot read the key file \(path)")
        }
        do { return try NoteVerifierKey(keyFile: Array(bytes)) } catch {
            throw ValidationError("\(path): \(error)")
        }
    }
}

/// Reads a file to verify; an unreadable one is a usage error naming it.
func readInputFile(_ path: String) throws -> [UInt8] {
    do { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
        throw ValidationError("cannot read \(path)")
    }
}

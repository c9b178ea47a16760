import Foundation
import Glibc

/// Raw bytes of files on disk, read and tampered with outside SQLite.
enum FileBytes {
    static func read(_ path: String) -> [UInt8] {
        (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    /// XORs one byte at `offset` with 0x01.
    static func flip(_ path: String, at offset: Int) throws {
        var bytes = read(path)
        bytes[offset] ^= 0x01
        try write(bytes, to: path)
    }

    /// Copies `path` to `copy` byte for byte.
    static func copy(_ path: String, to copy: String) throws {
        try write(read(path), to: copy)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                var start = 0
                let last = h.count - n.count
                while start <= last {
                    guard let hit = memchr(h.baseAddress! + start, Int32(n[0]), last - start + 1) else { return false }
                    let at = h.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}

extension String {
    var utf16LittleEndianBytes: [UInt8] {
        utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
    }
}

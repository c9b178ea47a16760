import Foundation

/// The assignments of one section of a systemd unit, after its drop-ins, in
/// the order systemd applies them: the unit file, then every `*.conf` of the
/// drop-in directories sorted by file name (a file in a later directory of
/// the list replaces one of the same name in an earlier one).
struct UnitDirectives: Sendable, Hashable {
    /// Every assignment of each directive, in order (an empty value resets a list).
    private(set) var assignments: [String: [String]] = [:]
    /// The files read, unit first.
    private(set) var files: [URL] = []

    static func load(unitFile: URL, dropInDirectories: [URL], section: String) throws -> UnitDirectives {
        var dropIns: [String: URL] = [:]
        for directory in dropInDirectories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names where name.hasSuffix(".conf") { dropIns[name] = directory.appendingPathComponent(name) }
        }
        var directives = UnitDirectives()
        for file in [unitFile] + dropIns.keys.sorted().compactMap({ dropIns[$0] }) {
            directives.read(try String(contentsOf: file, encoding: .utf8), section: section)
            directives.files.append(file)
        }
        return directives
    }

    mutating func read(_ text: String, section wanted: String) {
        var current = ""
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty, line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasSuffix("\\") {
                line.removeLast()
                pending += line + " "
                continue
            }
            line = pending + line
            pending = ""
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            guard current == wanted, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            assignments[key, default: []].append(value)
        }
    }

    /// The value in force of a single-valued directive.
    func last(_ key: String) -> String? { assignments[key]?.last }

    func isTrue(_ key: String) -> Bool { ["yes", "true", "on", "1"].contains(last(key)?.lowercased() ?? "") }

    /// A list directive's entries after its last reset (an empty assignment),
    /// or nil when it is never assigned. A line starting with `~` is a deny list, as in
    /// systemd: each of its entries is returned with `~`.
    func list(_ key: String) -> [String]? {
        guard let values = assignments[key] else { return nil }
        let afterReset = values.lastIndex(of: "").map { values[values.index(after: $0)...] } ?? values[...]
        return afterReset.flatMap { value -> [String] in
            let deny = value.hasPrefix("~")
            return value.dropFirst(deny ? 1 : 0).split(separator: " ").map { deny ? "~" + $0 : String($0) }
        }
    }
}

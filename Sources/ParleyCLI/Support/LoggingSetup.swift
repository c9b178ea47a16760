import Foundation
import Logging
import ParleyEngine
import Synchronization

/// Bootstraps swift-log once per process with Parley's handler, writing to
/// standard error. Messages are constant strings; data is metadata.
enum LoggingSetup {
    private static let done = Mutex(false)

    static func bootstrap(level: String, format: ParleyConfiguration.Logging.Format) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let logLevel = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = ParleyLogHandler(label: label, json: format == .json)
            handler.logLevel = logLevel
            return handler
        }
    }
}

/// One log line per event: `2026-11-25T20:41:00.123Z info parley: message key=value`,
/// or a JSON object per line with `--format json`.
struct ParleyLogHandler: LogHandler {
    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let time = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        let line: String
        if json {
            var object: [String: String] = ["time": time, "level": event.level.rawValue, "logger": label, "message": "\(event.message)"]
            for (key, value) in merged { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        } else {
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(time) \(event.level.rawValue) \(label): \(event.message)" + (fields.isEmpty ? "" : " \(fields)")
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

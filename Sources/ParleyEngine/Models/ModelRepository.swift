import Foundation
import ParleyNLU

/// Trained models in `<data dir>/models/`: one `<version>.parleymodel` file
/// per training run, and `ACTIVE` naming the one in use. Promotion and
/// rollback only change `ACTIVE` (atomically).
public struct ModelRepository: Sendable {
    public let directory: URL
    static let fileExtension = "parleymodel"
    static let activeFile = "ACTIVE"

    public init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("models")
    }

    public func url(of version: String) -> URL {
        directory.appendingPathComponent("\(version).\(Self.fileExtension)")
    }

    /// Versions on disk, oldest first (versions sort by time).
    public func versions() throws(EngineError) -> [String] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".\(Self.fileExtension)") }
                .map { String($0.dropLast(Self.fileExtension.count + 1)) }
                .sorted()
        } catch {
            throw .modelUnavailable("cannot list \(directory.path)")
        }
    }

    public func activeVersion() throws(EngineError) -> String? {
        let url = directory.appendingPathComponent(Self.activeFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let version = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            return version.isEmpty ? nil : version
        } catch {
            throw .modelUnavailable("cannot read \(url.path)")
        }
    }

    public func loadActive() throws(EngineError) -> NLUModel? {
        guard let version = try activeVersion() else { return nil }
        do { return try ModelFile.read(from: url(of: version)) } catch {
            throw .modelUnavailable(error.description)
        }
    }

    /// Writes a new model file; activates it when asked.
    public func save(_ model: NLUModel, activate: Bool) throws(EngineError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try ModelFile.write(model, to: url(of: model.metadata.version))
        } catch let error as NLUError {
            throw .modelUnavailable(error.description)
        } catch {
            throw .modelUnavailable("cannot create \(directory.path)")
        }
        if activate { try self.activate(model.metadata.version) }
    }

    /// Makes `version` the active model (it must exist and load).
    public func activate(_ version: String) throws(EngineError) {
        guard !version.contains("/"), FileManager.default.fileExists(atPath: url(of: version).path) else {
            throw .notFound("model \(version)")
        }
        do {
            _ = try ModelFile.readMetadata(from: url(of: version))
            try Data((version + "\n").utf8).write(to: directory.appendingPathComponent(Self.activeFile), options: .atomic)
        } catch let error as NLUError {
            throw .modelUnavailable(error.description)
        } catch {
            throw .modelUnavailable("cannot write \(directory.appendingPathComponent(Self.activeFile).path)")
        }
    }
}

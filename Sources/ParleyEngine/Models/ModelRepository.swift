import Foundation
import ParleyCrypto
import ParleyEncoder
import ParleyNLU

/// Trained models in `<data dir>/models/`: one `<version>.parleymodel` file
/// per training run, and `ACTIVE` naming the one in use. Promotion and
/// rollback only change `ACTIVE` (atomically).
///
/// With a sealing key (the installation's, see ``EngineBootstrap/models(store:)``)
/// model files are written sealed (``ModelSeal``); a plain file left by an
/// earlier version is read and sealed in place. Without one, names and the
/// active version can be listed, but a sealed file cannot be read.
public struct ModelRepository: Sendable {
    public let directory: URL
    let sealingKey: SymmetricKey?
    static let fileExtension = "parleymodel"
    static let activeFile = "ACTIVE"

    public init(dataDirectory: URL, sealingKey: SymmetricKey? = nil) {
        directory = dataDirectory.appendingPathComponent("models")
        self.sealingKey = sealingKey
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
        return try load(version)
    }

    /// Whether the file at `url` is a sealed model file (which needs its installation's key).
    public static func isSealed(fileAt url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return ModelSeal.isSealed(Array((try? handle.read(upToCount: ModelSeal.magic.count + 1)) ?? Data()))
    }

    /// A model file anywhere (for `--model FILE`): plain, or sealed by this
    /// installation and named `<version>.parleymodel` as in the model directory.
    public func read(fileAt url: URL) throws(EngineError) -> NLUModel {
        try decode(Self.bytes(of: url), version: url.deletingPathExtension().lastPathComponent, path: url.path)
    }

    /// The model of `version`: unsealed, checked (format, digests), and sealed
    /// in place when it was a plain file and a key is at hand.
    public func load(_ version: String) throws(EngineError) -> NLUModel {
        guard !version.contains("/") else { throw .notFound("model \(version)") }
        let url = url(of: version)
        let bytes = try Self.bytes(of: url)
        let model = try decode(bytes, version: version, path: url.path)
        if !ModelSeal.isSealed(bytes), let sealingKey {
            try write(ModelSeal.seal(bytes, modelVersion: version, key: sealingKey), to: url)
        }
        return model
    }

    private static func bytes(of url: URL) throws(EngineError) -> [UInt8] {
        do { return Array(try Data(contentsOf: url)) } catch { throw .modelUnavailable("cannot read \(url.path)") }
    }

    /// Opens a sealed file with this repository's key (a plain one as it is) and decodes the model.
    private func decode(_ bytes: [UInt8], version: String, path: String) throws(EngineError) -> NLUModel {
        var plain = bytes
        if ModelSeal.isSealed(bytes) {
            guard let sealingKey else {
                throw .modelUnavailable("\(path) is sealed to its installation; it opens only with that installation's keys")
            }
            plain = try ModelSeal.open(bytes, modelVersion: version, key: sealingKey, path: path)
        }
        do { return try ModelFile.decode(plain, path: path) } catch { throw .modelUnavailable(error.description) }
    }

    /// Writes a new model file (sealed when there is a key); activates it when asked.
    public func save(_ model: NLUModel, activate: Bool) throws(EngineError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .modelUnavailable("cannot create \(directory.path)")
        }
        let version = model.metadata.version
        var bytes: [UInt8]
        do { bytes = try ModelFile.encode(model) } catch { throw .modelUnavailable(error.description) }
        if let sealingKey { bytes = try ModelSeal.seal(bytes, modelVersion: version, key: sealingKey) }
        try write(bytes, to: url(of: version))
        if activate { try self.activate(version) }
    }

    /// Makes `version` the active model (it must exist and load).
    public func activate(_ version: String) throws(EngineError) {
        guard !version.contains("/"), FileManager.default.fileExists(atPath: url(of: version).path) else {
            throw .notFound("model \(version)")
        }
        _ = try load(version)
        do {
            try Data((version + "\n").utf8).write(to: directory.appendingPathComponent(Self.activeFile), options: .atomic)
        } catch {
            throw .modelUnavailable("cannot write \(directory.appendingPathComponent(Self.activeFile).path)")
        }
    }

    /// Points `ACTIVE` at a version already checked by the caller (the
    /// store's registry decides what is active; this file follows it).
    public func pointActive(at version: String) throws(EngineError) {
        guard !version.contains("/"), FileManager.default.fileExists(atPath: url(of: version).path) else {
            throw .notFound("model \(version)")
        }
        do {
            try Data((version + "\n").utf8).write(to: directory.appendingPathComponent(Self.activeFile), options: .atomic)
        } catch {
            throw .modelUnavailable("cannot write \(directory.appendingPathComponent(Self.activeFile).path)")
        }
    }

    private func write(_ bytes: [UInt8], to url: URL) throws(EngineError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw .modelUnavailable("cannot write \(url.path)")
        }
    }

    /// The sentence embeddings of training texts, sealed beside the models
    /// (they are derived from customers' words).
    var embeddingCacheURL: URL { directory.appendingPathComponent("embeddings.cache") }
    static let embeddingCacheLabel = "embedding-cache"

    /// The cached embeddings for `encoder`; an empty cache when there is none,
    /// no key, or one made with another encoder (it is then rebuilt).
    public func embeddingCache(for encoder: SentenceEncoder) -> EmbeddingCache {
        guard let sealingKey, let bytes = try? Self.bytes(of: embeddingCacheURL), ModelSeal.isSealed(bytes),
              let plain = try? ModelSeal.open(bytes, modelVersion: Self.embeddingCacheLabel, key: sealingKey, path: embeddingCacheURL.path),
              let cache = try? EmbeddingCache(decoding: plain, encoderSHA256: encoder.fileSHA256)
        else { return EmbeddingCache(for: encoder) }
        return cache
    }

    /// Seals and writes the cache; without a key nothing is written (it is never stored in clear).
    public func saveEmbeddingCache(_ cache: EmbeddingCache) throws(EngineError) {
        guard let sealingKey else { return }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .modelUnavailable("cannot create \(directory.path)")
        }
        try write(ModelSeal.seal(cache.encoded(), modelVersion: Self.embeddingCacheLabel, key: sealingKey), to: embeddingCacheURL)
    }
}

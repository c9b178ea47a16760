import ArgumentParser
import ParleyEngine

/// `parley init`: prepares an installation without serving.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prepare an installation: data directory, master key, database, CRM seed and a trained model.",
        discussion: "Idempotent: what exists is kept. 'parley serve' does the same on its first start."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        try bootstrap.prepareDataDirectory()
        try bootstrap.recoverInterruptedRotation()
        let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
        defer { withExtendedLifetime(lock) {} }
        let engine = try await bootstrap.engine(trainIfMissing: true)
        try await engine.audit.record(Principal.localUser().event("installation.init", details: ["model": engine.model.metadata.version]))
        print("data directory: \(configuration.paths.dataDirectory.path)")
        print("master key:     \(try KeyDirectory(url: configuration.paths.keysDirectory).description()?.keyID ?? "?")")
        print("model:          \(engine.model.metadata.version)")
    }
}

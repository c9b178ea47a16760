import Foundation
import Logging
import ParleyEngine
import ParleyStore

/// What most commands need: configuration, logger, and the store opened with the keys.
struct CommandContext {
    let configuration: ParleyConfiguration
    let logger: Logger
    let bootstrap: EngineBootstrap

    init(_ global: GlobalOptions) throws {
        configuration = try global.load()
        logger = global.logger(configuration)
        bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
    }

    /// The store, creating the data directory and the master key on a fresh
    /// installation exactly as the server does.
    func store() async throws -> Store {
        try bootstrap.prepareDataDirectory()
        return try bootstrap.openStore(keys: bootstrap.keys(createIfFresh: true))
    }

    /// Holds the data directory shared (as the server does) for the command's lifetime.
    func sharedLock() throws -> DataDirectoryLock {
        try bootstrap.prepareDataDirectory()
        return try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
    }
}

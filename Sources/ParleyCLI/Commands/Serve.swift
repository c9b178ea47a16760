import ArgumentParser
import Foundation
import Logging
import Metrics
import ParleyEngine
import ParleyServer
import ServiceLifecycle

/// `parley serve`: the HTTP API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the HTTP server (default 127.0.0.1:8000).",
        discussion: """
            On a fresh checkout this creates the data directory and a master key,
            seeds the local CRM from the starter bot and trains its model, then
            serves. SIGTERM or SIGINT stop it gracefully: requests in flight finish
            and their turns are stored.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to bind (default 127.0.0.1; binding elsewhere exposes the API to the network).")
    var host: String?

    @Option(help: "Port to listen on (default 8000).")
    var port: Int?

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        var configuration = try global.load()
        if let host { configuration.server.host = host }
        if let port { configuration.server.port = port }
        let logger = global.logger(configuration)
        logger.info("starting parley", metadata: [
            "parley.version": "\(ParleyVersion.current)",
            "config.file": "\(configuration.source?.path ?? "(built-in defaults)")",
            "data.dir": "\(configuration.paths.dataDirectory.path)",
        ])
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        try bootstrap.prepareDataDirectory()
        try bootstrap.recoverInterruptedRotation()
        let lock = try DataDirectoryLock.acquire(configuration.paths.dataDirectory, exclusive: false)
        defer { withExtendedLifetime(lock) {} }
        // One registry for Parley's metrics and everything that reports through
        // swift-metrics (Hummingbird's among them): all of it in /metrics.
        let metrics = MetricsRegistry()
        MetricsSystem.bootstrap(metrics.metricsFactory)
        let engine = try await bootstrap.engine(trainIfMissing: true, metrics: metrics)
        var settings = try await serverSettings(configuration, engine: engine, logger: logger)
        if !["127.0.0.1", "::1", "localhost"].contains(configuration.server.host) {
            logger.warning("binding a non-loopback address: the API is reachable from the network", metadata: ["server.host": "\(configuration.server.host)"])
        }
        settings.console = ConsoleSettings(
            idleTimeout: Double(configuration.console.idleTimeoutMinutes * 60),
            absoluteTimeout: Double(configuration.console.absoluteTimeoutHours * 3600),
            secureCookie: ConsoleSettings.SecureCookie(rawValue: configuration.console.secureCookie) ?? .auto
        )
        let app = buildApplication(engine: engine, settings: settings, logger: logger, models: bootstrap.models)
        // Failed sign-ins a previous run counted but had not written out (it stopped or crashed meanwhile).
        await engine.authFailures.closeWindows(all: true)
        try await engine.recordServerStart(details: [
            "version": ParleyVersion.current, "model": engine.model.metadata.version,
            "host": configuration.server.host, "port": String(configuration.server.port),
        ])
        if engine.store.space?.isBelowReserve == true {
            logger.warning("the data directory's disk is below its reserve: customer turns are answered 507 until space returns", metadata: [
                "storage.free_bytes": "\(engine.store.space?.freeBytes ?? 0)", "storage.reserve_bytes": "\(engine.store.space?.reserveBytes ?? 0)",
            ])
        }
        let checkpoints = AuditCheckpointService(
            audit: engine.audit, interval: .seconds(configuration.audit.checkpointIntervalSeconds), logger: logger,
            authFailures: engine.authFailures
        )
        var services: [any Service] = [
            checkpoints,
            ModelWatchService(engine: engine, interval: .milliseconds(configuration.learning.watchIntervalMilliseconds), logger: logger),
        ]
        if let retention = engine.retention {
            services.append(RetentionService(retention: retention, schedule: configuration.retention.schedule, logger: logger))
        }
        services.append(app)
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
        logger.info("parley stopped")
    }

    /// The server's limits from the configuration, logged once: the
    /// connection cap (under the open-file limit, raised to its hard limit),
    /// the turn queue, and who may use the customer endpoints without a token.
    private func serverSettings(_ configuration: ParleyConfiguration, engine: ParleyEngine, logger: Logger) async throws -> ServerSettings {
        let server = configuration.server
        let openFiles = FileDescriptorLimit.raiseToHardLimit()
        let connections = FileDescriptorLimit.connectionCap(configured: server.maxConnections, limit: openFiles)
        if connections < server.maxConnections {
            logger.warning("server.max_connections lowered to fit the open-file limit; raise LimitNOFILE", metadata: [
                "server.max_connections": "\(connections)", "process.open_file_limit": "\(openFiles)",
            ])
        }
        let loopback = TokenlessLoopback(rawValue: server.tokenlessLoopback) ?? .auto
        var settings = ServerSettings(
            host: server.host, port: server.port, maxBodyBytes: server.maxBodyBytes,
            idleTimeout: .seconds(server.idleTimeoutSeconds), bodyTimeout: .seconds(server.bodyTimeoutSeconds),
            maxConnections: connections, tokenlessLoopback: loopback
        )
        if server.maxConcurrentTurns > 0 { settings.turnQueue.maxConcurrent = server.maxConcurrentTurns }
        settings.turnQueue.maxQueued = server.maxQueuedTurns
        settings.turnQueue.maxWait = .seconds(server.queueTimeoutSeconds)
        logger.info("server limits", metadata: [
            "server.max_connections": "\(connections)", "server.idle_timeout_seconds": "\(server.idleTimeoutSeconds)",
            "server.body_timeout_seconds": "\(server.bodyTimeoutSeconds)", "server.max_body_bytes": "\(server.maxBodyBytes)",
            "server.max_concurrent_turns": "\(settings.turnQueue.maxConcurrent)", "server.max_queued_turns": "\(settings.turnQueue.maxQueued)",
        ])
        switch loopback {
        case .always:
            logger.warning("server.tokenless_loopback is always: customer endpoints serve loopback requests without a channel token")
        case .never:
            logger.notice("server.tokenless_loopback is never: customer endpoints need a channel token")
        case .auto:
            if try await engine.tokens.channelTokenEverCreated() {
                logger.notice("customer endpoints need a channel token (one was created; revoking them all does not reopen tokenless access: set server.tokenless_loopback)")
            } else {
                logger.notice("no channel token was ever created: customer endpoints accept requests from loopback without a token until one is; create one with 'parley tokens create --role channel'")
            }
        }
        return settings
    }
}

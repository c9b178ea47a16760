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
        if try await !engine.tokens.hasActiveToken(role: .channel) {
            logger.notice("no channel token exists: customer endpoints accept requests from loopback without a token; create one with 'parley tokens create --role channel'")
        }
        if !["127.0.0.1", "::1", "localhost"].contains(configuration.server.host) {
            logger.warning("binding a non-loopback address: the API is reachable from the network", metadata: ["server.host": "\(configuration.server.host)"])
        }
        let app = buildApplication(
            engine: engine,
            settings: ServerSettings(
                host: configuration.server.host, port: configuration.server.port,
                maxBodyBytes: configuration.server.maxBodyBytes
            ),
            logger: logger,
            models: bootstrap.models
        )
        try await engine.audit.record(Principal.system.event("server.start", details: [
            "version": ParleyVersion.current, "model": engine.model.metadata.version,
            "host": configuration.server.host, "port": String(configuration.server.port),
        ]))
        let checkpoints = AuditCheckpointService(
            audit: engine.audit, interval: .seconds(configuration.audit.checkpointIntervalSeconds), logger: logger
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
}

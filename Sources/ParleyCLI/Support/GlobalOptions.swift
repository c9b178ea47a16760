import ArgumentParser
import Foundation
import Logging
import ParleyEngine

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: parley.yml in a checkout, /etc/parley/parley.yml when installed).")
    var config: String?

    @Option(name: .long, help: "Data directory (database, models). Overrides paths.data_dir.")
    var dataDir: String?

    @Option(name: .long, help: "Keys directory. Overrides paths.keys_dir.")
    var keysDir: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    @Option(name: .long, help: "File (mode 0600) holding the master key's passphrase, for passphrase-protected keys.")
    var passphraseFile: String?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel.lowercased()) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// The configuration with command-line overrides applied.
    func load() throws -> ParleyConfiguration {
        let layout = Layout.detect()
        var configuration = try ParleyConfiguration.load(from: config.map { URL(fileURLWithPath: $0) }, layout: layout)
        if let dataDir { configuration.paths.dataDirectory = URL(fileURLWithPath: dataDir).standardizedFileURL }
        if let keysDir { configuration.paths.keysDirectory = URL(fileURLWithPath: keysDir).standardizedFileURL }
        if let logLevel { configuration.logging.level = logLevel.lowercased() }
        if let passphraseFile { configuration.keys.passphraseFile = URL(fileURLWithPath: passphraseFile).standardizedFileURL }
        return configuration
    }

    /// Sets up logging once for the process and returns the command's logger.
    func logger(_ configuration: ParleyConfiguration) -> Logger {
        ProcessHardening.apply()
        LoggingSetup.bootstrap(level: configuration.logging.level, format: configuration.logging.format)
        return Logger(label: "parley")
    }
}

import Foundation
import ParleyEngine
import Testing

@Suite struct ConfigurationTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private let layout = Layout.checkout(root: URL(fileURLWithPath: "/srv/parley"))

    @Test func noFileMeansDefaults() throws {
        let configuration = try ParleyConfiguration.load(from: nil, layout: layout)
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.server.port == 8000)
        #expect(configuration.paths.dataDirectory.path == "/srv/parley/parley-data")
    }

    @Test func valuesAndRelativePathsAreRead() throws {
        let url = try write("version: 1\nserver:\n  port: 9000\npaths:\n  data_dir: data\nlogging:\n  level: debug\n")
        let configuration = try ParleyConfiguration.load(from: url, layout: layout)
        #expect(configuration.server.port == 9000)
        #expect(configuration.paths.dataDirectory.path == url.deletingLastPathComponent().appendingPathComponent("data").path)
        #expect(configuration.logging.level == "debug")
    }

    @Test func pageCacheIsReadAndTooSmallACacheIsRefused() throws {
        #expect(try ParleyConfiguration.load(from: nil, layout: layout).storeOptions.pageCacheKiB == 2_000)
        let url = try write("storage:\n  page_cache_kib: 65536\n")
        #expect(try ParleyConfiguration.load(from: url, layout: layout).storeOptions.pageCacheKiB == 65_536)
        let small = try write("storage:\n  page_cache_kib: 8\n")
        let (_, line, key, _) = try #require(configurationError { _ = try ParleyConfiguration.load(from: small, layout: layout) }, "an 8 KiB cache was accepted")
        #expect(line == 2)
        #expect(key == "storage.page_cache_kib")
    }

    @Test func consoleSessionLimitsAndCookieModeAreReadAndBadOnesRefused() throws {
        let defaults = try ParleyConfiguration.load(from: nil, layout: layout).console
        #expect(defaults.idleTimeoutMinutes == 30 && defaults.absoluteTimeoutHours == 12 && defaults.secureCookie == "auto")
        let url = try write("console:\n  idle_timeout_minutes: 15\n  absolute_timeout_hours: 8\n  secure_cookie: always\n")
        let console = try ParleyConfiguration.load(from: url, layout: layout).console
        #expect(console.idleTimeoutMinutes == 15 && console.absoluteTimeoutHours == 8 && console.secureCookie == "always")
        let never = try write("console:\n  secure_cookie: never\n")
        let (_, line, key, _) = try #require(configurationError { _ = try ParleyConfiguration.load(from: never, layout: layout) }, "secure_cookie: never was accepted")
        #expect(line == 2)
        #expect(key == "console.secure_cookie")
        let zero = try write("console:\n  idle_timeout_minutes: 0\n")
        #expect(configurationError { _ = try ParleyConfiguration.load(from: zero, layout: layout) } != nil)
    }

    @Test func encoderThreadsAreReadAndBadOnesRefused() throws {
        #expect(try ParleyConfiguration.load(from: nil, layout: layout).nlu.encoderThreads == .automatic)
        let one = try write("nlu:\n  encoder_threads: 1\n")
        #expect(try ParleyConfiguration.load(from: one, layout: layout).nlu.encoderThreads == .count(1))
        let auto = try write("nlu:\n  encoder_threads: auto\n")
        #expect(try ParleyConfiguration.load(from: auto, layout: layout).nlu.encoderThreads == .automatic)
        let zero = try write("nlu:\n  encoder_threads: 0\n")
        let (_, line, key, _) = try #require(configurationError { _ = try ParleyConfiguration.load(from: zero, layout: layout) }, "encoder_threads: 0 was accepted")
        #expect(line == 2)
        #expect(key == "nlu.encoder_threads")
    }

    @Test func badValueNamesFileLineAndKey() throws {
        let url = try write("server:\n  host: 127.0.0.1\n  port: eighty\n")
        #expect(throws: EngineError.configuration(file: url.path, line: 3, key: "server.port", reason: "expected a whole number")) {
            try ParleyConfiguration.load(from: url, layout: layout)
        }
    }

    @Test func unknownKeyIsAnErrorNotIgnored() throws {
        let url = try write("server:\n  prot: 9000\n")
        let (file, line, key, reason) = try #require(configurationError { _ = try ParleyConfiguration.load(from: url, layout: layout) }, "an unknown key was accepted")
        #expect(file == url.path)
        #expect(line == 2)
        #expect(key == "server.prot")
        #expect(reason.hasPrefix("unknown key"))
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let url = try write("server:\n  port: [9000\n")
        let (file, line, _, _) = try #require(configurationError { _ = try ParleyConfiguration.load(from: url, layout: layout) }, "invalid YAML was accepted")
        #expect(file == url.path)
        #expect(line != nil)
    }

    @Test func explicitMissingFileIsAnError() {
        #expect(throws: EngineError.configuration(file: "/nonexistent/parley.yml", line: nil, key: nil, reason: "file not found")) {
            try ParleyConfiguration.load(from: URL(fileURLWithPath: "/nonexistent/parley.yml"), layout: layout)
        }
    }

    @Test func errorDescriptionReadsFileLineKeyReason() {
        let error = EngineError.configuration(file: "parley.yml", line: 3, key: "server.port", reason: "expected a whole number")
        #expect(error.description == "parley.yml:3: key 'server.port': expected a whole number")
    }
}

/// The parts of the configuration error `body` throws, or nil when it throws none or another.
func configurationError(_ body: () throws -> Void) -> (file: String, line: Int?, key: String?, reason: String)? {
    do {
        try body()
        return nil
    } catch let error as EngineError {
        if case let .configuration(file, line, key, reason) = error { return (file, line, key, reason) }
        return nil
    } catch {
        return nil
    }
}

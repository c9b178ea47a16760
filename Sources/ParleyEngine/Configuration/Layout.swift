import Foundation

/// Default locations of Parley's files. In a source checkout everything lives
/// under the repository (a git-ignored `parley-data/` for data, `keys/` for
/// keys); on an installed host, in the FHS places the package creates.
public struct Layout: Sendable, Hashable {
    public var configFile: URL
    public var dataDirectory: URL
    public var botDirectory: URL
    public var policiesDirectory: URL
    public var keysDirectory: URL
    /// The sentence encoder of the NLU cascade (made by `packaging/encoder/convert.py`).
    public var encoderFile: URL
    /// True when running from a source checkout.
    public var isCheckout: Bool

    public static let installed = Layout(
        configFile: URL(fileURLWithPath: "/etc/parley/parley.yml"),
        dataDirectory: URL(fileURLWithPath: "/var/lib/parley"),
        botDirectory: URL(fileURLWithPath: "/usr/share/parley/bot"),
        policiesDirectory: URL(fileURLWithPath: "/etc/parley/policies"),
        keysDirectory: URL(fileURLWithPath: "/etc/parley/keys"),
        encoderFile: URL(fileURLWithPath: "/usr/share/parley/encoder/all-minilm-l6-v2.parleyenc"),
        isCheckout: false
    )

    public static func checkout(root: URL) -> Layout {
        Layout(
            configFile: root.appendingPathComponent("parley.yml"),
            dataDirectory: root.appendingPathComponent("parley-data"),
            botDirectory: root.appendingPathComponent("bot"),
            policiesDirectory: root.appendingPathComponent("policies"),
            keysDirectory: root.appendingPathComponent("keys"),
            encoderFile: root.appendingPathComponent("packaging/out/encoder/all-minilm-l6-v2.parleyenc"),
            isCheckout: true
        )
    }

    /// The checkout containing the working directory or the executable, else the installed layout.
    public static func detect(
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "/usr/bin/parley")
    ) -> Layout {
        for start in [workingDirectory, executable.deletingLastPathComponent()] {
            if let root = checkoutRoot(from: start.standardizedFileURL) { return checkout(root: root) }
        }
        return installed
    }

    private static func checkoutRoot(from start: URL) -> URL? {
        var directory = start
        for _ in 0..<12 {
            let manifest = directory.appendingPathComponent("Package.swift").path
            let domain = directory.appendingPathComponent("bot/domain.yml").path
            if FileManager.default.fileExists(atPath: manifest), FileManager.default.fileExists(atPath: domain) {
                return directory
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
        return nil
    }
}

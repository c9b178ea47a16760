import ArgumentParser
import Foundation
import ParleyCrypto
import ParleyEngine

struct KeysInit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the master key: random (keys directory 0700, key file 0600), or from a passphrase (Argon2id).",
        discussion: """
            With --passphrase, nothing secret is written: the key is stretched from the
            passphrase (Argon2id, libsodium's moderate limits) each time Parley starts,
            read from --passphrase-file or asked on the terminal. Under systemd, a
            credential named parley-master-key (32 bytes) takes precedence over both.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Derive the master key from a passphrase instead of writing a random key file.")
    var passphrase = false

    func run() async throws {
        let configuration = try global.load()
        let bootstrap = EngineBootstrap(configuration: configuration, logger: global.logger(configuration))
        let directory = bootstrap.keyDirectory
        var secret: SecureBytes?
        if passphrase {
            let first = try directory.sources.passphrase(prompt: "New passphrase (at least 8 characters): ")
            if directory.sources.passphraseFile == nil {
                let second = try directory.sources.passphrase(prompt: "Repeat the passphrase: ")
                guard first.constantTimeEquals(second) else { throw ValidationError("the passphrases differ") }
            }
            secret = first
        }
        let description = try directory.initialize(passphrase: secret)
        print("created master key \(description.keyID) (\(description.source)) in \(configuration.paths.keysDirectory.path)")
    }
}

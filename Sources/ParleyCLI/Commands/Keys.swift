import ArgumentParser
import Foundation
import ParleyEngine

/// `parley keys ...`: the master key.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the master key (never printed).",
        subcommands: [KeysInit.self, KeysStatus.self, KeysRotate.self, KeysEncryptExisting.self, KeysResetKeyring.self]
    )
}


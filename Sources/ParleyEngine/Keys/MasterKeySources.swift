import Foundation
import ParleyCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Where a master key may come from besides `master.key`.
public struct MasterKeySources: Sendable {
    /// `$CREDENTIALS_DIRECTORY` of a systemd service, read once at start-up.
    public var credentialsDirectory: URL?
    /// A file holding the passphrase (first line), for unattended starts.
    public var passphraseFile: URL?
    /// Whether Parley may ask on the terminal.
    public var mayPrompt: Bool

    public init(credentialsDirectory: URL? = nil, passphraseFile: URL? = nil, mayPrompt: Bool = false) {
        self.credentialsDirectory = credentialsDirectory
        self.passphraseFile = passphraseFile
        self.mayPrompt = mayPrompt
    }

    /// The passphrase, from the file or the terminal, in secure memory.
    public func passphrase(prompt: String = "Parley master key passphrase: ") throws(EngineError) -> SecureBytes {
        if let passphraseFile {
            try FilePermissions.requirePrivate(passphraseFile, isDirectory: false)
            return try SecretFile.readPassphrase(passphraseFile)
        }
        guard mayPrompt, isatty(STDIN_FILENO) == 1 else {
            throw .keys("the master key is protected by a passphrase: give --passphrase-file FILE (mode 0600) or run on a terminal")
        }
        return try TerminalPassphrase.read(prompt: prompt)
    }
}

/// Reads a passphrase from the terminal with echo off.
enum TerminalPassphrase {
    static func read(prompt: String) throws(EngineError) -> SecureBytes {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { throw .keys("no terminal to ask for the passphrase on") }
        defer { close(tty) }
        var original = termios()
        guard tcgetattr(tty, &original) == 0 else { throw .keys("cannot configure the terminal") }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        guard tcsetattr(tty, TCSAFLUSH, &silent) == 0 else { throw .keys("cannot configure the terminal") }
        defer {
            _ = tcsetattr(tty, TCSAFLUSH, &original)
            _ = write(tty, "\n", 1)
        }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        defer { SecureBytes.wipe(&buffer) }
        var count = 0
        while count < buffer.count {
            var byte: UInt8 = 0
            guard Glibc.read(tty, &byte, 1) == 1, byte != UInt8(ascii: "\n") else { break }
            buffer[count] = byte
            count += 1
        }
        guard count >= 8 else { throw .keys("the passphrase must have at least 8 characters") }
        do { return try SecureBytes(copying: buffer[0..<count]) } catch { throw .keys(error.description) }
    }
}

import ArgumentParser
import ParleyEngine

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version.")

    func run() {
        print("parley \(ParleyVersion.current)")
    }
}

import ArgumentParser
import Foundation
@testable import ParleyCLI
@testable import ParleyEngine
import ParleyNLU
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsEveryCommand() {
        let help = Parley.helpMessage()
        for command in ["serve", "init", "chat", "train", "nlu", "redact", "test", "tokens", "crm", "keys", "audit", "backup", "restore", "openapi", "version"] {
            #expect(help.contains(command), "help lacks \(command)")
        }
    }

    @Test func tokensCreateRequiresAKnownRole() {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["tokens", "create", "--role", "superuser"]) }
        #expect(throws: Never.self) { try Parley.parseAsRoot(["tokens", "create", "--role", "agent", "--json"]) }
    }

    @Test func aCreatedTokenPrintsAsJSONWithExactlyIdTokenAndRole() throws {
        let created = AccessTokens.Created(id: "0123456789abcdef", token: "prl_0123456789abcdef_" + String(repeating: "a", count: 64), role: .agent)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(created)) as? [String: Any])
        #expect(Set(object.keys) == ["id", "token", "role"])
        #expect(object["role"] as? String == "agent")
        #expect(!created.description.contains(created.token))
    }

    @Test func servePortIsValidated() {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["serve", "--port", "70000"]) }
    }

    @Test func tokensCreateMakesTheKeyAndDatabaseOnAFreshInstallation() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        let arguments = ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path]
        let command = try #require(try Parley.parseAsRoot(["tokens", "create", "--role", "agent", "--name", "dana"] + arguments) as? TokensCreate)
        try await command.run()
        let database = try Data(contentsOf: root.appendingPathComponent("data/parley.db"))
        #expect(database.count > 0)
        let keyMode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("keys/master.key").path)[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
    }
}

@Suite struct TestNLUCommandTests {
    @Test func trainsOnOneFileScoresAnotherAndWritesTheReport() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("test-nlu-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let rows = [
            ("hello there", "greet"), ("hi", "greet"), ("good morning", "greet"), ("hey you", "greet"), ("hello friend", "greet"),
            ("where is my order", "order"), ("order status", "order"), ("track my parcel order", "order"), ("has my order shipped", "order"), ("my order please", "order"),
        ]
        let csv = "text,label\n" + rows.map { "\"\($0.0)\",\($0.1)" }.joined(separator: "\n") + "\n"
        try csv.write(to: root.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try "text,label\nhello,greet\nwhere is the order,order\n".write(to: root.appendingPathComponent("test.csv"), atomically: true, encoding: .utf8)
        let arguments = [
            "test", "nlu", "--train", root.appendingPathComponent("train.csv").path,
            "--data", root.appendingPathComponent("test.csv").path, "--report", root.appendingPathComponent("report").path,
            "--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path,
        ]
        let command = try #require(try Parley.parseAsRoot(arguments) as? TestNLU)
        try await command.run()
        for file in ["summary.json", "intent_report.csv", "confusion_matrix.csv", "confusion_matrix.svg", "reliability_diagram.svg", "confidence_histogram.svg", "errors.jsonl"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("report/\(file)").path), "missing \(file)")
        }
    }

    @Test func foldsCrossValidateTheTrainingDataAndReportLikeATestSet() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("test-nlu-cv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let rows = (0..<6).flatMap { i in
            [("hello there \(i)", "greet"), ("good morning number \(i)", "greet"), ("where is my order \(i)", "order"), ("track parcel order \(i)", "order")]
        }
        let csv = "text,label\n" + rows.map { "\"\($0.0)\",\($0.1)" }.joined(separator: "\n") + "\n"
        try csv.write(to: root.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        let arguments = [
            "test", "nlu", "--train", root.appendingPathComponent("train.csv").path, "--folds", "3",
            "--report", root.appendingPathComponent("report").path,
            "--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path,
        ]
        let command = try #require(try Parley.parseAsRoot(arguments) as? TestNLU)
        try await command.run()
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("report/summary.json").path))

        let examples = rows.map { LabeledUtterance(text: $0.0, intent: $0.1) }
        let report = try CrossValidation.run(on: NLUTrainingData(examples: examples), folds: 3, hyperParameters: ClassifierHyperParameters())
        let json = try TestNLU.crossValidationJSON(pooled: NLUEvaluator.score(report.predictions, criterion: .balanced), report: report)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for key in ["accuracy", "macro_f1", "n", "per_intent", "cross_validation"] {
            #expect(object[key] != nil, "no \(key)")
        }
        #expect(object["n"] as? Int == rows.count)
    }

    @Test func foldsNeedNoTestSetButRefuseAModel() {
        #expect(throws: Never.self) { try Parley.parseAsRoot(["test", "nlu", "--train", "t.csv", "--folds", "5"]) }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["test", "nlu", "--folds", "5", "--model", "m"]) }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["test", "nlu", "--train", "t.csv"]) }
    }

    @Test func aThresholdChosenElsewhereIsAValidatedAlternativeToARecallTarget() {
        #expect(throws: Never.self) { try Parley.parseAsRoot(["test", "nlu", "--data", "d.csv", "--threshold", "0.4"]) }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["test", "nlu", "--data", "d.csv", "--threshold", "1.5"]) }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["test", "nlu", "--data", "d.csv", "--threshold", "0.4", "--oos-recall", "0.9"]) }
    }

    @Test func modelAndTrainTogetherAreRejected() {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["test", "nlu", "--data", "x.csv", "--model", "m", "--train", "t.csv"]) }
    }
}

import Foundation
import ParleyCrypto
import ParleyEngine
import ParleyRedaction
import ParleyTestSupport
import Testing

@Suite struct PIIPolicyFileTests {
    @Test func shippedPolicyFileEqualsTheBuiltInDefault() throws {
        let policy = try PIIPolicyReader.load(StarterBot.policiesDirectory.appendingPathComponent("pii.yml"))
        #expect(policy.defaultThreshold == RedactionPolicy.default.defaultThreshold)
        #expect(policy.defaultOperator == RedactionPolicy.default.defaultOperator)
        #expect(policy.keep == RedactionPolicy.default.keep)
        for type in PIIEntityType.allCases {
            #expect(policy.isEnabled(type) == RedactionPolicy.default.isEnabled(type))
            #expect(policy.threshold(for: type) == RedactionPolicy.default.threshold(for: type))
            #expect(policy.operatorChoice(for: type) == RedactionPolicy.default.operatorChoice(for: type))
        }
    }

    @Test func badPolicyValueNamesFileLineAndKey() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pii-\(UUID().uuidString).yml")
        try "default_threshold: 0.5\nentities:\n  EMAIL:\n    operator: shred\n".write(to: url, atomically: true, encoding: .utf8)
        let (file, line, key, reason) = try #require(configurationError { _ = try PIIPolicyReader.load(url) })
        #expect(file == url.path)
        #expect(line == 4)
        #expect(key == "entities.EMAIL.operator")
        #expect(reason.contains("unknown operator"))
    }

    @Test func hashOperatorGivesStableKeyedTokensPerDeployment() throws {
        let policies = FileManager.default.temporaryDirectory.appendingPathComponent("policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try "entities:\n  EMAIL: {operator: hash}\n".write(to: policies.appendingPathComponent("pii.yml"), atomically: true, encoding: .utf8)
        var configuration = ParleyConfiguration(layout: .checkout(root: policies))
        configuration.paths.policiesDirectory = policies
        let bootstrap = EngineBootstrap(configuration: configuration, logger: .init(label: "test"))
        let keys = try KeyHierarchy(master: .random())
        let redactor = try bootstrap.redactor(keys: keys)
        let first = redactor.redact("mail jane.doe@example.org").redactedText
        let second = redactor.redact("write to jane.doe@example.org").redactedText
        let other = try bootstrap.redactor(keys: KeyHierarchy(master: .random())).redact("mail jane.doe@example.org").redactedText
        let token = try #require(first.split(separator: " ").last)
        #expect(token.hasPrefix("[EMAIL:"))
        #expect(second.hasSuffix(String(token)))
        #expect(other != first)
        #expect(!first.contains("jane"))
    }
}

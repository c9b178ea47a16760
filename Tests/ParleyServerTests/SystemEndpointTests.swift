import Foundation
import HummingbirdTesting
import ParleyServer
import Testing

@Suite struct SystemEndpointTests {
    @Test func openAPIDocumentDescribesExactlyTheRegisteredEndpoints() throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        #expect(document?["openapi"] as? String == "3.1.0")
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        var documented: Set<String> = []
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        let registered = Set(Endpoint.all.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == registered)
        for endpoint in Endpoint.all {
            let operation = paths[endpoint.path]?[endpoint.method.rawValue.lowercased()] as? [String: Any]
            let security = operation?["security"] as? [[String: Any]]
            #expect((security?.isEmpty ?? true) == (endpoint.roles == nil), "security of \(endpoint.path)")
        }
    }

    /// The statuses every operation can answer whatever its handler does, so
    /// that a client (and the API fuzzer in CI) finds each one documented: a
    /// token is checked (401, 403), failed sign-ins are throttled (429) and
    /// written down, so a full disk is a 507; a body can be malformed, slow,
    /// too large or not JSON (400, 408, 413, 415); a parameter can be invalid (400).
    @Test func everyOperationDocumentsTheStatusesTheServerCanAlwaysAnswer() throws {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: [String: Any]]] ?? [:]
        for (path, operations) in paths {
            for (method, operation) in operations {
                var expected: Set<String> = []
                if let security = operation["security"] as? [Any], !security.isEmpty { expected.formUnion(["401", "403", "429", "507"]) }
                if operation["requestBody"] != nil { expected.formUnion(["400", "408", "413", "415"]) }
                if let parameters = operation["parameters"] as? [Any], !parameters.isEmpty { expected.insert("400") }
                let documented = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
                #expect(expected.isSubset(of: documented), "\(method.uppercased()) \(path) lacks \(expected.subtracting(documented).sorted())")
            }
        }
    }

    @Test func openAPIIsServed() async throws {
        let test = try await TestApp.make()
        try await test.app.test(.router) { client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == OpenAPIDocument.json)
        }
    }

    @Test func healthAndMetricsAreServed() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let admin = try await test.token(.admin)
        try await test.app.test(.router) { client in
            _ = try await client.say("What is the status of order #12345?", in: "m-1", token: channel)
            let health = try await client.get("/healthz").jsonObject()
            #expect(health["status"] as? String == "ok")
            // Off loopback, metrics need an admin token.
            let anonymous = try await client.get("/metrics")
            #expect(anonymous.status == .unauthorized)
            let metrics = String(buffer: try await client.get("/metrics", token: admin).body)
            #expect(metrics.contains("# TYPE parley_turns_total counter"))
            #expect(metrics.contains(#"parley_turns_total{status="bot"} 1"#))
            #expect(metrics.contains(#"route="/v1/conversations/{id}/messages""#))
            #expect(!metrics.contains("m-1"))
        }
    }
}

import Foundation
import ParleyServer
import ParleyTestSupport
import Testing

/// Requests the HTTP parser refuses, against the real server: each is a 4xx
/// with the JSON error shape, nothing is logged at error level (a remote
/// client must not be able to fill the log), and the server stays healthy.
@Suite struct ProtocolErrorTests {
    static let cases: [(name: String, request: String, status: Int, code: String)] = [
        ("garbage request line", "HELLO THERE\r\n\r\n", 400, "invalid_request"),
        ("raw UTF-8 in the path", "GET /v1/conv\u{e9}rsations HTTP/1.1\r\nHost: x\r\n\r\n", 400, "invalid_request"),
        ("a 100 KB header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "a", count: 100_000) + "\r\n\r\n", 431, "headers_too_large"),
        (
            "a malformed chunk size",
            "POST /v1/conversations/c-1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            400, "invalid_request"
        ),
        (
            "Transfer-Encoding: gzip",
            "POST /v1/conversations/c-1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\nabc",
            400, "invalid_request"
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func aRequestTheParserRefusesIsAJSONClientErrorAndLogsNoError(index: Int) async throws {
        let (name, request, status, code) = Self.cases[index]
        let recorder = LogRecorder()
        let engine = try await StarterBot.engine(logger: recorder.logger)
        try await LiveServer.run(engine: engine, logger: recorder.logger) { port in
            let connection = try RawConnection(port: port)
            await connection.send(request)
            let response = try #require(RawResponse(await connection.readResponse()), "\(name): no HTTP response")
            #expect(response.status == status, "\(name)")
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true, "\(name)")
            #expect(response.errorCode == code, "\(name): \(response.body)")
            let health = try RawConnection(port: port)
            await health.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(RawResponse(await health.readResponse())?.status == 200, "\(name): the server is no longer healthy")
        }
        #expect(!recorder.all.contains { $0.hasPrefix("error") || $0.hasPrefix("critical") }, "\(name): \(recorder.text)")
        #expect(try await engine.store.loadConversation("c-1") == nil)
    }
}

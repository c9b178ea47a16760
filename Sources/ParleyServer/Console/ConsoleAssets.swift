import HTTPTypes
import Hummingbird

/// The console's page, style sheet and ES modules, written here and embedded
/// in the binary at build time (`Assets/`): nothing is fetched from anywhere.
enum ConsoleAssets {
    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    static let files: [String: Asset] = [
        "console.css": Asset(bytes: PackageResources.console_css, contentType: "text/css; charset=utf-8"),
        "app.js": script(PackageResources.app_js),
        "api.js": script(PackageResources.api_js),
        "dom.js": script(PackageResources.dom_js),
        "events.js": script(PackageResources.events_js),
        "queues.js": script(PackageResources.queues_js),
        "conversation.js": script(PackageResources.conversation_js),
        "transcript.js": script(PackageResources.transcript_js),
        "shortcuts.js": script(PackageResources.shortcuts_js),
        "auditor.js": script(PackageResources.auditor_js),
        "admin.js": script(PackageResources.admin_js),
        "tokens.js": script(PackageResources.tokens_js),
        "models.js": script(PackageResources.models_js),
        "review.js": script(PackageResources.review_js),
    ]

    private static func script(_ bytes: [UInt8]) -> Asset {
        Asset(bytes: bytes, contentType: "text/javascript; charset=utf-8")
    }

    static func page() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.index_html)))
    }

    static func asset(_ name: String) throws -> Response {
        guard let asset = files[name] else { throw APIError(.notFound, code: "not_found", message: "no such console file") }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        // No customer text here; revalidated so that an upgrade takes effect at once.
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}

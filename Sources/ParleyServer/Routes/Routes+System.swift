import Foundation
import Hummingbird
import ParleyEngine
import ParleyNLU

extension Routes {
    struct Health: Encodable {
        let status: String
        let model: String
        let version: String
    }

    func health(_ request: Request, _ context: ParleyRequestContext) throws -> Response {
        try json(Health(status: "ok", model: engine.model.metadata.version, version: ParleyVersion.current))
    }

    func metrics() -> Response {
        text(engine.metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }

    func openAPI() -> Response {
        text(OpenAPIDocument.json, contentType: "application/json; charset=utf-8")
    }

    struct ModelList: Encodable {
        struct Model: Encodable {
            let version: String
            let active: Bool
        }

        let models: [Model]
    }

    func listModels(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try await engine.audit.record(Principal.token(try caller(context)).event("model.list"))
        guard let models else { return try json(ModelList(models: [.init(version: engine.model.metadata.version, active: true)])) }
        let active = try models.activeVersion()
        return try json(ModelList(models: try models.versions().map { .init(version: $0, active: $0 == active) }))
    }
}

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

    func listModels(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        try await engine.audit.record(Principal.token(try caller(context)).event("model.list"))
        let records = try await engine.learning.registry()
        let state = try await engine.learning.state()
        guard !records.isEmpty else {
            return try json(ModelListResponse(models: [.init(version: engine.model.metadata.version, active: true)]))
        }
        return try json(ModelListResponse(models: records.map { ModelSummaryView($0, shadow: state?.shadowVersion) }))
    }
}

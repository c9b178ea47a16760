/// The OpenAPI 3.1 description of the whole HTTP API (`openapi.json` beside
/// this file, embedded in the binary at build time), served at
/// `/openapi.json`. A test keeps its paths and methods in step with ``Endpoint/all``.
public enum OpenAPIDocument {
    public static let json = String(decoding: PackageResources.openapi_json, as: UTF8.self)
}

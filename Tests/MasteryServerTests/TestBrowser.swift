import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A tiny browser for in-process tests: keeps cookies, reads the CSRF token from pages, posts forms.
struct TestBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String

        var location: String? { headers[.location] }
        /// The value of the first hidden `_csrf` field.
        var csrf: String? {
            guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    mutating func get(_ uri: String) async throws -> Page {
        try await send(uri, method: .get, body: nil as ByteBuffer?, contentType: nil)
    }

    /// Posts a urlencoded form; `csrf: true` adds the token the browser holds.
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> Page {
        var fields = fields
        if csrf, let token = cookies["masterly_csrf"] { fields.insert(("_csrf", token), at: 0) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with one file, as a browser's file input does.
    mutating func upload(
        _ uri: String, _ fields: [(String, String)], file: (field: String, name: String, data: Data), csrf: Bool = true
    ) async throws -> Page {
        var fields = fields
        if csrf, let token = cookies["masterly_csrf"] { fields.insert(("_csrf", token), at: 0) }
        let boundary = "----masterly-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(file.data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(
            uri, method: .post, body: ByteBuffer(bytes: body), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    mutating func send(
        _ uri: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?
    ) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[1])
            if value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Signs in through the login form.
    mutating func login(_ username: String, password: String = "masterly-demo") async throws -> Page {
        _ = try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }
}

/// JSON API calls with a bearer token.
struct APIClient {
    let client: any TestClientProtocol
    var token: String?

    struct Result {
        var status: HTTPResponse.Status
        var json: Any?
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
        var errorField: String? { (object["error"] as? [String: Any])?["field"] as? String }
    }

    func call(_ uri: String, method: HTTPRequest.Method = .get, json: Any? = nil) async throws -> Result {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let data = Data(response.body.readableBytesView)
        return Result(status: response.status, json: data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data))
    }

    static func signIn(
        _ client: any TestClientProtocol, _ username: String, password: String = "masterly-demo"
    ) async throws -> APIClient {
        let result = try await APIClient(client: client).call(
            "/api/v1/sessions", method: .post, json: ["username": username, "password": password])
        return APIClient(client: client, token: result.object["token"] as? String)
    }
}

import Foundation
import HTTPTypes
import MasteryServer
import MasteryStore
import Testing

@Suite("Signing in, sessions, CSRF")
struct AuthenticationTests {
    @Test("Health and the stylesheet need no sign-in")
    func publicRoutes() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            #expect(try await browser.get("/health").body.contains("\"ok\""))
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("Pages redirect to the sign-in form; the API answers 401 in JSON")
    func anonymous() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther && home.location == "/login")
            #expect(try await browser.get("/sections/sec-1").location == "/login")
            let api = try await APIClient(client: client).call("/api/v1/me")
            #expect(api.status == .unauthorized && api.errorCode == "unauthorized")
        }
    }

    @Test("A wrong password and an unknown user get the same 401 with no hint, and no session")
    func wrongCredentials() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            let wrong = try await browser.login("teacher", password: "nope")
            var other = TestBrowser(client)
            let unknown = try await other.login("nobody-here", password: "nope")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.body.contains("role=\"alert\""))
            #expect(wrong.body.contains("do not match") && unknown.body.contains("do not match"))
            #expect(browser.cookies["masterly_session"] == nil)
            let empty = try await browser.post("/login", [("username", "teacher"), ("password", "")])
            #expect(
                empty.status == .unprocessableContent && empty.body.contains("Enter your username and your password"))
        }
    }

    @Test("A form without its CSRF token, or with another, is refused with 403 and changes nothing")
    func csrf() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            _ = try await browser.get("/login")
            let missing = try await browser.post(
                "/login", [("username", "teacher"), ("password", "masterly-demo")], csrf: false)
            #expect(missing.status == .forbidden)
            let forged = try await browser.post(
                "/login",
                [("_csrf", "forged-token-forged-token"), ("username", "teacher"), ("password", "masterly-demo")],
                csrf: false)
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["masterly_session"] == nil)
        }
    }

    @Test("Signing in sets an HttpOnly SameSite session cookie; signing out ends the session")
    func sessionLifecycle() async throws {
        try await withApp { client, _ in
            var browser = TestBrowser(client)
            _ = try await browser.get("/login")
            let response = try await browser.post("/login", [("username", "teacher"), ("password", "masterly-demo")])
            #expect(response.status == .seeOther && response.location == "/")
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("masterly_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let secret = try #require(browser.cookies["masterly_session"])
            #expect(try await browser.get("/").status == .ok)
            _ = try await browser.post("/logout", [])
            browser.cookies["masterly_session"] = secret
            #expect(try await browser.get("/").location == "/login")
        }
    }

    @Test("API tokens: 201 with the user; wrong credentials 401 in the error shape")
    func apiTokens() async throws {
        try await withApp { client, _ in
            let bad = try await APIClient(client: client).call(
                "/api/v1/sessions", method: .post, json: ["username": "teacher", "password": "x"])
            #expect(bad.status == .unauthorized && bad.errorCode == "unauthorized")
            let malformed = try await APIClient(client: client).call(
                "/api/v1/sessions", method: .post, json: ["user": "teacher"])
            #expect(malformed.status == .unprocessableContent)
            let good = try await APIClient(client: client).call(
                "/api/v1/sessions", method: .post, json: ["username": "guardian", "password": "masterly-demo"])
            #expect(good.status == .created)
            let user = try #require(good.object["user"] as? [String: Any])
            #expect(user["role"] as? String == "guardian")
            let api = APIClient(client: client, token: good.object["token"] as? String)
            let me = try await api.call("/api/v1/me")
            let children = try #require(me.object["children"] as? [[String: Any]])
            #expect(children.count == 1)
            let forged = try await APIClient(client: client, token: "made-up").call("/api/v1/me")
            #expect(forged.status == .unauthorized)
        }
    }
}

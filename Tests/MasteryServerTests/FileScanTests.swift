import Foundation
import HTTPTypes
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("The school's virus check on handed-in files")
struct FileScanTests {
    /// A real command run by the server: "found" for the EICAR test signature, "cannot check" for a marker, clean
    /// otherwise — the exit statuses ClamAV uses.
    static let command =
        #"check() { if grep -q CANNOT-CHECK "$1"; then exit 3; fi; if grep -q EICAR-STANDARD-ANTIVIRUS-TEST-FILE "$1"; then exit 1; fi; exit 0; }; check"#

    @Test(
        "A file the check finds is refused by name and nothing is kept; one it cannot check is refused too; clean work is kept"
    )
    func scanning() async throws {
        var configuration = ServerConfiguration()
        configuration.scanCommand = Self.command
        try await withOwnApp(adjust: { _ in }, configuration: configuration) { client, services in
            let store = services.store
            let teacherAPI = try await APIClient.signIn(client, "teacher")
            let studentAPI = try await APIClient.signIn(client, "student")
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let student = try #require(try await store.credentials(username: "student")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            let competency = try #require(
                try await SectionData.load(section.id, store: store).gradebook.competencies.first)
            let created = try await teacherAPI.call(
                "/api/v1/playlists", method: .post,
                json: [
                    "title": "Checked work", "sectionIds": [section.id.rawValue],
                    "items": [
                        [
                            "title": "Show me", "kind": "must", "checkpoint": true,
                            "competencyIds": [competency.id.rawValue],
                        ]
                    ],
                ])
            #expect(created.status == .created)
            let item = try #require((created.object["items"] as? [[String: Any]])?.first?["id"] as? String)
            func handIn(_ name: String, _ text: String) async throws -> APIClient.Result {
                try await studentAPI.call(
                    "/api/v1/students/\(student.id.rawValue)/submissions", method: .post,
                    json: [
                        "itemId": item, "text": "My notes",
                        "files": [["name": name, "content": Data(text.utf8).base64EncodedString()]],
                    ])
            }
            func message(_ result: APIClient.Result) -> String {
                ((result.object["error"] as? [String: Any])?["message"] as? String) ?? ""
            }
            let eicar = #"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"#
            let found = try await handIn("notes.txt", eicar)
            #expect(found.status == .unprocessableContent && found.errorField == "files")
            #expect(message(found).contains("“notes.txt” did not pass the school's virus check"))
            let unchecked = try await handIn("later.txt", "CANNOT-CHECK")
            #expect(unchecked.status == .unprocessableContent && message(unchecked).contains("could not be checked"))
            #expect(try await store.submissions(students: [student.id]).filter { $0.itemID.rawValue == item }.isEmpty)
            let clean = try await handIn("clean.txt", "Ratios are equal fractions.")
            #expect(clean.status == .created)
            #expect(
                try await store.submissions(students: [student.id]).filter { $0.itemID.rawValue == item }.count == 1)
        }
    }

    @Test("A check that hangs, or ends by a signal, is no verdict: the file counts as unchecked")
    func noVerdict() async {
        let data = Data("notes".utf8)
        #expect(await FileScanner(command: "sleep 30;", timeoutSeconds: 0.5).scan(data) != .clean)
        if case .unchecked = await FileScanner(command: "sleep 30;", timeoutSeconds: 0.5).scan(data) {
        } else {
            Issue.record("a hanging check was not unchecked")
        }
        // Killed by SIGHUP (whose number, 1, is also "found"): not taken as found.
        if case .unchecked = await FileScanner(command: "kill -HUP $$;").scan(data) {
        } else {
            Issue.record("a check ended by a signal was taken as a verdict")
        }
        #expect(await FileScanner(command: "test -s").scan(data) == .clean)
        #expect(await FileScanner(command: "! test -s").scan(data) == .infected)
    }

    @Test("The virus-check setting is read from the flag or the environment; an empty one is refused")
    func configuration() throws {
        let set = try ServerConfiguration.resolve(
            flags: [:], environment: ["MASTERLY_SCAN_COMMAND": "clamdscan --fdpass --no-summary"])
        #expect(set.scanCommand == "clamdscan --fdpass --no-summary")
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: ["scan-command": "  "], environment: [:])
        }
        #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.resolve(flags: ["scan-command": "/no/such/scanner --x"], environment: [:])
        }
    }
}

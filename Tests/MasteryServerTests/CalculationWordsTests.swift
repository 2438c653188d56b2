import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MasteryCore
import MasteryStore
import Testing

@testable import MasteryServer

@Suite("The calculation in a teacher's words, and a preview before recomputing")
struct CalculationWordsTests {
    @Test("Every method has a sentence and a worked example computed by the calculator")
    func wording() throws {
        for kind in CalculationMethod.Kind.allCases {
            #expect(!kind.explanation.isEmpty)
            #expect((kind.parameterMeaning != nil) == (kind.parameterRange != nil), "\(kind)")
        }
        // 1, 2, 4, 3: the latest is 3, the highest 4, the mean 2.5.
        #expect(CalculationMethod.Kind.latest.workedExample() == "1, 2, 4, 3 → 3.00")
        #expect(CalculationMethod.Kind.highest.workedExample()?.hasSuffix("→ 4.00") == true)
        #expect(CalculationMethod.Kind.mean.workedExample()?.hasSuffix("→ 2.50") == true)
        // Five times at mastery are needed: four scores show nothing yet.
        #expect(CalculationMethod.Kind.nTimes.workedExample() == "1, 2, 4, 3 → nothing shown yet")
    }

    @Test("Previewing a change says how many records and students it moves and changes nothing; confirming saves it")
    func previewThenSave() async throws {
        try await withOwnApp(adjust: { _ in }) { client, services in
            let store = services.store
            let teacher = try #require(try await store.credentials(username: "teacher")?.person)
            let section = try #require(try await store.sections(of: teacher.id, as: .teacher).first)
            var browser = TestBrowser(client)
            _ = try await browser.login("teacher")
            let base = "/sections/\(section.id.rawValue)/settings"
            let page = try await browser.get(base)
            #expect(page.body.contains("Decaying average") && page.body.contains("Example: 1, 2, 4, 3 →"))
            #expect(!page.body.contains(">decaying-average<"))
            let preview = try await browser.post(
                base, [("method", "highest"), ("parameter", ""), ("minimum", "1"), ("preview", "1")])
            #expect(preview.status == .ok && preview.body.contains("records get a new value"))
            #expect(preview.body.contains("change level, for"))
            #expect(try await store.section(section.id)?.policyOverride == nil)
            let saved = try await browser.post(base, [("method", "highest"), ("parameter", ""), ("minimum", "1")])
            #expect(saved.status == .seeOther)
            #expect(try await store.section(section.id)?.policyOverride?.method.kind == .highest)
        }
    }
}

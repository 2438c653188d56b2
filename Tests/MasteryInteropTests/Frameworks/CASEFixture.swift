import Foundation

/// A small CASE package written for these tests, in the 1.0 style real exports use: a document, a strand
/// with two standards (one with a component), a top-level leaf, a prerequisite, an outside crosswalk, and the
/// legacy properties and zone-less time stamps older exports carry.
enum CASEFixture {
    static let document = "11111111-1111-4111-8111-111111111111"
    static let strand = "22222222-2222-4222-8222-222222222222"
    static let ratio = "33333333-3333-4333-8333-333333333331"
    static let rate = "33333333-3333-4333-8333-333333333332"
    static let component = "33333333-3333-4333-8333-333333333333"
    static let leaf = "44444444-4444-4444-8444-444444444444"

    static func association(
        _ id: String, _ type: String, _ origin: String, _ destination: String, sequence: Any? = nil,
        destinationTitle: String = "node"
    ) -> [String: Any] {
        var association: [String: Any] = [
            "identifier": id, "associationType": type, "uri": "https://case.example/CFAssociations/\(id)",
            "originNodeURI": ["identifier": origin, "uri": "https://case.example/CFItems/\(origin)", "title": "node"],
            "destinationNodeURI": [
                "identifier": destination, "uri": "https://case.example/CFItems/\(destination)",
                "title": destinationTitle,
            ],
            "lastChangeDateTime": "2024-03-01T10:00:00", "CFDocumentURI": ["identifier": document],
        ]
        if let sequence { association["sequenceNumber"] = sequence }
        return association
    }

    static func item(_ id: String, _ code: String?, _ statement: Any?, extra: [String: Any] = [:]) -> [String: Any] {
        var item: [String: Any] = [
            "identifier": id, "uri": "https://case.example/CFItems/\(id)", "lastChangeDateTime": "2024-03-01T10:00:00Z",
        ]
        if let code { item["humanCodingScheme"] = code }
        if let statement { item["fullStatement"] = statement }
        for (key, value) in extra { item[key] = value }
        return item
    }

    static func package(
        items: [[String: Any]]? = nil, associations: [[String: Any]]? = nil, rubrics: [[String: Any]]? = nil
    ) -> [String: Any] {
        var package: [String: Any] = [
            "CFDocument": [
                "identifier": document, "uri": "https://case.example/CFDocuments/\(document)", "creator": "Test State",
                "title": "Ratios 𝑑 Test", "lastChangeDateTime": "2024-03-01T10:00:00", "CFPackageURI": "legacy",
            ],
            "CFItems": items ?? [
                item(strand, "RP.A", "Understand ratio concepts.", extra: ["abbreviatedStatement": "Ratio concepts"]),
                item(ratio, "RP.A.1", "Understand the concept of a ratio.", extra: ["educationalLevel": "06"]),
                item(rate, "RP.A.2", "Understand the concept of a unit rate.\r\n| a | b |"),
                item(component, "RP.A.2a", "Use rate language."),
                item(leaf, nil, "A statement without a code.", extra: ["listEnumeration": "7"]),
            ],
            "CFAssociations": associations ?? [
                association("a0000000-0000-4000-8000-000000000001", "isChildOf", strand, document, sequence: "1"),
                association("a0000000-0000-4000-8000-000000000002", "isChildOf", rate, strand, sequence: 2),
                association("a0000000-0000-4000-8000-000000000003", "isChildOf", ratio, strand, sequence: 1),
                association("a0000000-0000-4000-8000-000000000004", "isChildOf", component, rate),
                association("a0000000-0000-4000-8000-000000000005", "isChildOf", leaf, document, sequence: 2),
                association("a0000000-0000-4000-8000-000000000006", "precedes", ratio, rate),
                association(
                    "a0000000-0000-4000-8000-000000000007", "exactMatchOf", ratio, "CCSS.6.RP.A.1",
                    destinationTitle: "CCSS 6.RP.A.1"),
            ],
        ]
        if let rubrics { package["CFRubrics"] = rubrics }
        return package
    }

    static func data(_ package: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: package, options: [.sortedKeys])
    }
}

import Foundation
import MasteryCore
import MasteryStore
import Testing

/// One contract, every backend: SQLite always, PostgreSQL when MASTERLY_TEST_POSTGRES_URL is set.
@Suite("Store contract", .serialized)
struct StoreContractTests {
    @Test(
        "PostgreSQL is part of this run",
        .enabled(
            if: Backend.postgresURL != nil, "MASTERLY_TEST_POSTGRES_URL is not set: the PostgreSQL half is skipped"))
    func postgresConfigured() async throws {
        try await withStore(.postgres) { store in #expect(store.flavor == .postgres) }
    }

    @Test("Migrations apply once and are idempotent", arguments: Backend.available)
    func migrations(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            let applied = try await store.migrate()
            #expect(applied.isEmpty)
            #expect(Store.migrationCount >= 8)
        }
    }

    @Test("A school written in one go reads back", arguments: Backend.available)
    func schoolRoundTrip(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let teacher = try #require(try await store.person(Fixture.teacher))
            #expect(teacher.role == .teacher && teacher.givenName == "Tess")
            let sections = try await store.sections(of: Fixture.teacher, as: .teacher)
            #expect(sections.map(\.id) == [Fixture.section])
            let students = try await store.members(of: Fixture.section, as: .student)
            #expect(Set(students.map(\.id)) == [Fixture.student, Fixture.classmate])
            #expect(try await store.children(ofGuardian: Fixture.guardian).map(\.id) == [Fixture.student])
            let curriculum = try await store.curriculum(course: Fixture.course)
            #expect(curriculum.competencies.map(\.code) == ["NS.1", "NS.2", "HOW.1"])
            #expect(curriculum.indicator(for: Fixture.fractions, level: 3) == "I can do fractions at 3")
            #expect(curriculum.scale(for: curriculum.competencies[0])?.masteryThreshold == 3)
            let credentials = try #require(try await store.credentials(username: "t1"))
            #expect(credentials.passwordHash == "hash-t1")
            #expect(try await store.credentials(username: "s1") == nil)
        }
    }

    @Test(
        "Evidence updates the mastery record in the same transaction, with an audit entry", arguments: Backend.available
    )
    func appendUpdatesRecord(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let first = try await store.append(
                [
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 2, observedAt: Fixture.day(1))
                ],
                by: Fixture.teacher, at: Fixture.day(1))
            #expect(first.records.first?.value == 2)
            let second = try await store.append(
                [
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 4, observedAt: Fixture.day(2))
                ],
                by: Fixture.teacher, at: Fixture.day(2))
            let record = try #require(second.records.first)
            #expect(record.value == 0.35 * 2 + 0.65 * 4)
            #expect(record.levelValue == 3 && record.mastered && record.evidenceCount == 2)
            let stored = try await store.records(student: Fixture.student)[Fixture.fractions]
            #expect(stored == record)
            let audit = try await store.auditLog()
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.studentID == Fixture.student && $0.actorID == Fixture.teacher })
        }
    }

    @Test("A consistent read sees one moment while others record, and cannot write", arguments: Backend.available)
    func snapshotRead(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let evidence = { @Sendable (score: Double, day: Double) in
                EvidenceDraft.record(
                    student: Fixture.student, competency: Fixture.fractions, score: score, observedAt: Fixture.day(day))
            }
            try await store.append([evidence(4, 1)], by: Fixture.teacher, at: Fixture.day(1))
            let (inside, outside) = try await store.snapshot { snapshot in
                let before = try await snapshot.records(student: Fixture.student)[Fixture.fractions]
                // Another writer records while the read is open.
                try await store.append([evidence(1, 2)], by: Fixture.teacher, at: Fixture.day(2))
                let events = try await snapshot.evidence(student: Fixture.student).values.joined().count
                let after = try await snapshot.records(student: Fixture.student)[Fixture.fractions]
                #expect(before == after)
                await #expect(throws: StoreError.self) {
                    try await snapshot.append([evidence(2, 3)], by: Fixture.teacher, at: Fixture.day(3))
                }
                return (events, try await store.evidence(student: Fixture.student).values.joined().count)
            }
            #expect(inside == 1 && outside == 2)
            #expect(try await store.records(student: Fixture.student)[Fixture.fractions]?.evidenceCount == 2)
        }
    }

    @Test("A scale cannot lose the levels its evidence needs", arguments: Backend.available)
    func scaleKeepsEvidence(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 4)], by: Fixture.teacher,
                at: Fixture.day(1))
            let scale = try Fixture.scale()
            #expect(try await store.highestScore(onScale: scale.id) == 4)
            let shorter = try ProficiencyScale(
                id: scale.id, name: scale.name, levels: Array(scale.levels.dropLast()), masteryThreshold: 3)
            await #expect(throws: StoreError.self) {
                try await store.save(shorter, by: Fixture.teacher, at: Fixture.day(2))
            }
            #expect(try await store.scale(scale.id) == scale)
            let longer = try ProficiencyScale(
                id: scale.id, name: scale.name,
                levels: scale.levels + [ProficiencyLevel(value: 5, label: "Expert", colour: "#1f7a4d")],
                masteryThreshold: 3)
            try await store.save(longer, by: Fixture.teacher, at: Fixture.day(2))
            #expect(try await store.scale(scale.id)?.levels.count == 5)
        }
    }

    @Test("Refused evidence writes nothing at all", arguments: Backend.available)
    func refusedEvidenceWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 3)], by: Fixture.teacher,
                at: Fixture.day(1))
            let before = try await store.records(student: Fixture.student)
            await #expect(throws: StoreError.self) {
                try await store.append(
                    [
                        .record(student: Fixture.student, competency: Fixture.fractions, score: 1),
                        .record(student: Fixture.student, competency: Fixture.ratios, score: 7),
                    ], by: Fixture.teacher, at: Fixture.day(2))
            }
            do {
                try await store.append(
                    [.record(student: Fixture.student, competency: Fixture.ratios, score: 7)], by: Fixture.teacher,
                    at: Fixture.day(2))
            } catch {
                #expect("\(error)".contains("outside the scale"))
            }
            #expect(try await store.countEvidenceEvents() == 1)
            #expect(try await store.records(student: Fixture.student) == before)
            #expect(try await store.auditLog().count == 1)
            await #expect(throws: StoreError.self) {
                try await store.append(
                    [.record(student: Fixture.student, competency: "no-such", score: 1)], by: Fixture.teacher,
                    at: Fixture.day(2))
            }
        }
    }

    @Test("Corrections and exclusions are events; the original evidence stays", arguments: Backend.available)
    func correctionsKeepEvidence(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let written = try await store.append(
                [
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 1, observedAt: Fixture.day(1)),
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 2, observedAt: Fixture.day(2)),
                ], by: Fixture.teacher, at: Fixture.day(2))
            let (a, b) = (written.events[0].id, written.events[1].id)
            try await store.append(
                [.supersede(a, student: Fixture.student, competency: Fixture.fractions, score: 4, reason: "typo")],
                by: Fixture.teacher, at: Fixture.day(3))
            let after = try await store.append(
                [.exclude(b, student: Fixture.student, competency: Fixture.fractions, reason: "wrong student")],
                by: Fixture.teacher, at: Fixture.day(4))
            #expect(after.records.first?.value == 4)
            #expect(after.records.first?.evidenceCount == 1)
            let events = try await store.events(student: Fixture.student, competency: Fixture.fractions)
            #expect(events.map(\.action) == [.record, .record, .supersede, .exclude])
            #expect(events[0].score == 1)
            #expect(events[2].observedAt == events[0].observedAt)
            await #expect(throws: StoreError.self) {
                try await store.append(
                    [.exclude(b, student: Fixture.student, competency: Fixture.fractions, reason: "again")],
                    by: Fixture.teacher, at: Fixture.day(5))
            }
        }
    }

    @Test(
        "Incremental records equal a full recompute on seeded random evidence streams, read one by one or as a grid",
        arguments: Backend.available)
    func incrementalEqualsRecompute(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            var random = SeededGenerator(seed: 2026)
            var recorded: [(EvidenceEvent.ID, Person.ID, Competency.ID)] = []
            let students = [Fixture.student, Fixture.classmate]
            let competencies = [Fixture.fractions, Fixture.ratios, Fixture.perseverance]
            for step in 0..<60 {
                let roll = random.next() % 10
                if roll < 2, let pick = recorded.randomElement(using: &random) {
                    let draft: EvidenceDraft =
                        roll == 0
                        ? .supersede(
                            pick.0, student: pick.1, competency: pick.2, score: Double(random.next() % 5), reason: "fix"
                        )
                        : .exclude(pick.0, student: pick.1, competency: pick.2, reason: "void")
                    _ = try? await store.append([draft], by: Fixture.teacher, at: Fixture.day(Double(step)))
                } else {
                    let student = students[Int(random.next() % 2)]
                    let competency = competencies[Int(random.next() % 3)]
                    let score: Double? = random.next() % 8 == 0 ? nil : Double(random.next() % 5)
                    let result = try await store.append(
                        [
                            .record(
                                student: student, competency: competency, score: score,
                                observedAt: Fixture.day(Double(random.next() % 30)))
                        ], by: Fixture.teacher, at: Fixture.day(Double(step)))
                    recorded.append((result.events[0].id, student, competency))
                }
            }
            let report = try await store.recompute()
            #expect(report.changed == 0)
            #expect(report.pairs == 6)
            let scale = try Fixture.scale()
            // A gradebook's read (values by position) gives the same records as one student's (by column name).
            let grid = try await store.records(students: students, competencies: competencies)
            for student in students {
                let records = try await store.records(student: student)
                #expect(grid[student] == records)
                for competency in competencies {
                    let events = try await store.events(student: student, competency: competency)
                    let expected = MasteryEngine.record(
                        studentID: student, competencyID: competency, events: events, policy: .standard, scale: scale)
                    #expect(records[competency] == expected)
                }
            }
        }
    }

    @Test("A section's policy override decides its students' records", arguments: Backend.available)
    func policyOverride(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            try await store.append(
                [
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 4, observedAt: Fixture.day(1)),
                    .record(
                        student: Fixture.student, competency: Fixture.fractions, score: 1, observedAt: Fixture.day(2)),
                ], by: Fixture.teacher, at: Fixture.day(2))
            try await store.setPolicyOverride(
                try MasteryPolicy(method: .highest), for: Fixture.section, by: Fixture.teacher, at: Fixture.day(9))
            #expect(try await store.records(student: Fixture.student)[Fixture.fractions]?.value == 4)
            #expect(
                try await store.policy(student: Fixture.student, competency: Fixture.fractions).policy.method
                    == .highest)
            #expect(try await store.recompute().changed == 0)
            try await store.setPolicyOverride(nil, for: Fixture.section, by: Fixture.teacher, at: Fixture.day(9))
            let value = try await store.records(student: Fixture.student)[Fixture.fractions]?.value
            #expect(value == 0.35 * 4 + 0.65 * 1)
        }
    }

    @Test("Sessions and tokens: issued, found by secret, expired, revoked", arguments: Backend.available)
    func sessions(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let now = Fixture.day(0)
            let secret = try await store.issue(.session, for: Fixture.teacher, at: now, expiresAt: Fixture.day(1))
            #expect(try await store.person(holding: secret, kind: .session, at: now)?.id == Fixture.teacher)
            #expect(try await store.person(holding: secret, kind: .apiToken, at: now) == nil)
            #expect(try await store.person(holding: secret, kind: .session, at: Fixture.day(2)) == nil)
            #expect(try await store.person(holding: "guess", kind: .session, at: now) == nil)
            try await store.revoke(secret, kind: .session)
            #expect(try await store.person(holding: secret, kind: .session, at: now) == nil)
            let token = try await store.issue(.apiToken, for: Fixture.student, at: now, expiresAt: Fixture.day(1))
            #expect(try await store.person(holding: token, kind: .apiToken, at: now)?.id == Fixture.student)
            // The change version comes with the holder. Evidence moves the versions of its student's sections, not
            // the district-wide one; every other recorded change moves the district-wide one.
            let before = try #require(try await store.signedIn(holding: token, kind: .apiToken, at: now))
            #expect(before.changeVersion == (try await store.changeVersion()))
            let sections = try await store.sections(of: Fixture.student, as: .student)
            try #require(!sections.isEmpty)
            var sectionVersions: [Int64] = []
            for section in sections { sectionVersions.append(try await store.sectionVersion(section.id)) }
            try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 3)], by: Fixture.teacher,
                at: now)
            var moved: [Int64] = []
            for section in sections { moved.append(try await store.sectionVersion(section.id)) }
            #expect(zip(moved, sectionVersions).allSatisfy { $0 > $1 })
            #expect(
                try #require(try await store.signedIn(holding: token, kind: .apiToken, at: now)).changeVersion
                    == before.changeVersion)
            try await store.audit(
                at: now, actor: Fixture.teacher, action: "framework.update", student: nil, subject: "x", detail: "y")
            let after = try #require(try await store.signedIn(holding: token, kind: .apiToken, at: now)).changeVersion
            #expect(after > before.changeVersion)
            #expect(after == (try await store.changeVersion()))
            #expect(try await store.pruneExpired(at: Fixture.day(3)) == 1)
        }
    }

    @Test("Relations are worked out from enrolments, links and schools", arguments: Backend.available)
    func relations(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            func person(_ id: Person.ID) async throws -> Person {
                guard let found = try await store.person(id) else {
                    throw StoreError.notFound(kind: "person", id: id.rawValue)
                }
                return found
            }
            let cases: [(Person.ID, Person.ID, Access.Relation)] = [
                (Fixture.student, Fixture.student, .itself), (Fixture.student, Fixture.classmate, .sameSchool),
                (Fixture.guardian, Fixture.student, .guardian), (Fixture.guardian, Fixture.classmate, .sameSchool),
                (Fixture.teacher, Fixture.student, .teacher), (Fixture.teacher, Fixture.stranger, .none),
                (Fixture.otherTeacher, Fixture.student, .none), (Fixture.coach, Fixture.student, .sameSchool),
                (Fixture.admin, Fixture.stranger, .none), (Fixture.districtAdmin, Fixture.stranger, .sameDistrict),
            ]
            for (actor, student, expected) in cases {
                #expect(
                    try await store.relation(of: person(actor), toStudent: student) == expected, "\(actor) → \(student)"
                )
            }
            #expect(try await store.relation(of: person(Fixture.teacher), toSection: Fixture.section) == .teacher)
            #expect(try await store.relation(of: person(Fixture.otherTeacher), toSection: Fixture.section) == .none)
            #expect(try await store.relation(of: person(Fixture.classmate), toSection: Fixture.section) == .enrolled)
            #expect(try await store.relation(of: person(Fixture.guardian), toSection: Fixture.section) == .guardian)
            #expect(try await store.relation(of: person(Fixture.stranger), toSection: Fixture.section) == .none)
            #expect(
                try await store.relation(of: person(Fixture.districtAdmin), toSection: Fixture.section) == .sameDistrict
            )
            await #expect(throws: StoreError.self) {
                _ = try await store.relation(of: person(Fixture.teacher), toStudent: "nobody")
            }
        }
    }

    @Test("The audit log can be limited to a school's students", arguments: Backend.available)
    func auditBySchool(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            try await store.append(
                [.record(student: Fixture.student, competency: Fixture.fractions, score: 3)], by: Fixture.teacher,
                at: Fixture.day(1))
            try await store.append(
                [.record(student: Fixture.stranger, competency: Fixture.fractions, score: 3)], by: Fixture.otherTeacher,
                at: Fixture.day(1))
            #expect(try await store.auditLog(schools: [Fixture.school]).map(\.studentID) == [Fixture.student])
            #expect(try await store.auditLog(schools: [Fixture.otherSchool]).map(\.studentID) == [Fixture.stranger])
            #expect(try await store.auditLog().count == 2)
        }
    }

    @Test(
        "Knowledge tracing: parameters fitted from the school's evidence drive P(mastered)",
        arguments: Backend.available)
    func tracing(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data(policy: try MasteryPolicy(method: .bkt(.untrained))))
            var drafts: [EvidenceDraft] = []
            for (index, student) in [Fixture.student, Fixture.classmate].enumerated() {
                for step in 0..<8 {
                    let score: Double = step < 2 + index * 3 ? 1 : 4
                    drafts.append(
                        .record(
                            student: student, competency: Fixture.fractions, score: score,
                            observedAt: Fixture.day(Double(step))))
                }
            }
            try await store.append(drafts, by: Fixture.teacher, at: Fixture.day(9))
            let before = try #require(try await store.records(student: Fixture.student)[Fixture.fractions])
            #expect(before.levelValue == nil && before.value! > 0.9)
            let fits = try await store.fitTracing(at: Fixture.day(10))
            #expect(fits.map(\.skill) == [Fixture.fractions.rawValue])
            let stored = try #require(try await store.tracingParameters()[Fixture.fractions])
            #expect(stored == fits[0].parameters)
            let after = try #require(try await store.records(student: Fixture.student)[Fixture.fractions])
            let expected = MasteryCalculator.value(
                of: Array(repeating: 1.0, count: 2) + Array(repeating: 4.0, count: 6), method: .bkt(stored),
                scale: try Fixture.scale().calculationScale)
            #expect(after.value == expected)
            #expect(after.mastered == (expected! >= 0.95))
            #expect(try await store.recompute().changed == 0)
        }
    }

    @Test(
        "Concurrent appends on one student × competency all count: the record equals a recompute",
        arguments: Backend.available)
    func concurrentAppendsOnOnePair(_ backend: Backend) async throws {
        try await withStore(backend) { store in
            try await store.insert(try Fixture.data())
            let writers = 40
            // Every writer appends to the same pair at once; on PostgreSQL under READ COMMITTED, each used to
            // read the history without the others' and overwrite the record (644 of 649 events counted).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        try await store.append(
                            [
                                .record(
                                    student: Fixture.student, competency: Fixture.fractions,
                                    score: Double(index % 4 + 1), observedAt: Fixture.day(Double(1 + index % 5)))
                            ],
                            by: Fixture.teacher, at: Fixture.day(6))
                    }
                }
                try await group.waitForAll()
            }
            let record = try #require(try await store.records(student: Fixture.student)[Fixture.fractions])
            #expect(record.evidenceCount == writers)
            #expect(try await store.recompute().changed == 0)
        }
    }
}

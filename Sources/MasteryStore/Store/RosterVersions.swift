import Foundation
import MasteryCore
import SQLKit

/// The source's modification time of every rostered record Masterly applied. A record an import dates before
/// the version already applied is stale: a delivery that arrived out of order, left out so it cannot put
/// older data back. Records without a date are always applied (and do not move the stored time).
struct RosterVersions {
    let db: any SQLDatabase
    /// kind → sourcedId → the modification time applied.
    private(set) var applied: [RosterImport.Kind: [String: Double]] = [:]

    /// Reads the stored times of the records `roster` mentions.
    static func load(for roster: RosterImport, in db: any SQLDatabase) async throws -> RosterVersions {
        var versions = RosterVersions(db: db)
        for kind in RosterImport.Kind.allCases {
            let ids = roster.origins(kind).filter { $0.modifiedAt != nil }.map(\.sourcedID)
            for chunk in ids.chunks(of: 500) {
                for row in try await db.raw(
                    """
                    SELECT sourced_id, modified_at FROM roster_versions WHERE kind = \(bind: kind.rawValue) \
                    AND sourced_id IN (\(binds: Array(chunk)))
                    """
                ).all() {
                    versions.applied[kind, default: [:]][try row.string("sourced_id")] = try row.decode(
                        column: "modified_at", as: Double.self)
                }
            }
        }
        return versions
    }

    /// The records of `roster` dated before what was applied, by kind, with a note naming each one's place.
    func stale(in roster: RosterImport) -> (ids: [RosterImport.Kind: Set<String>], notes: [String]) {
        var ids: [RosterImport.Kind: Set<String>] = [:]
        var notes: [String] = []
        for kind in RosterImport.Kind.allCases {
            for origin in roster.origins(kind) {
                guard let date = origin.modifiedAt, let applied = applied[kind]?[origin.sourcedID],
                    date.timeIntervalSince1970 < applied
                else { continue }
                ids[kind, default: []].insert(origin.sourcedID)
                let appliedDate = Date(timeIntervalSince1970: applied)
                notes.append(
                    "\(origin.file):\(origin.line): \(origin.sourcedID) is dated \(date.ISO8601Format()), before the "
                        + "version of \(appliedDate.ISO8601Format()) already applied; left as it is")
            }
        }
        return (ids, notes)
    }

    /// Stores the times of the records applied now (everything dated and not stale).
    func record(_ roster: RosterImport, except stale: [RosterImport.Kind: Set<String>]) async throws {
        for kind in RosterImport.Kind.allCases where roster.mode(kind) != .absent {
            var latest: [String: Double] = [:]
            for origin in roster.origins(kind) where stale[kind]?.contains(origin.sourcedID) != true {
                guard let date = origin.modifiedAt?.timeIntervalSince1970 else { continue }
                latest[origin.sourcedID] = max(latest[origin.sourcedID] ?? date, date)
            }
            let changed = latest.filter { applied[kind]?[$0.key] != $0.value }.sorted { $0.key < $1.key }
            let known = changed.map(\.key).filter { applied[kind]?[$0] != nil }
            for chunk in known.chunks(of: 500) {
                try await db.raw(
                    """
                    DELETE FROM roster_versions WHERE kind = \(bind: kind.rawValue) \
                    AND sourced_id IN (\(binds: Array(chunk)))
                    """
                ).run()
            }
            try await db.insertRows(
                "roster_versions", columns: ["kind", "sourced_id", "modified_at"],
                rows: changed.map { [kind.rawValue, $0.key, $0.value] })
        }
    }
}

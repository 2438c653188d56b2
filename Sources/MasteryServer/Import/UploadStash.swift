import Foundation
import MasteryCore
import MasteryStore

/// Uploads waiting for confirmation: the import page checks a file (a preview that writes nothing), keeps it
/// under a random token, and imports it when the same person confirms — on any app server, since the upload
/// waits in the database (`Store.keepUpload`). Entries expire after 30 minutes; at most 32 are kept (the
/// oldest go first).
public struct UploadStash: Sendable {
    public struct Upload: Sendable {
        public var kind: ImportKind
        public var fileName: String
        public var data: Data
        public var owner: Person.ID
        public var storedAt: Date

        public init(kind: ImportKind, fileName: String, data: Data, owner: Person.ID, storedAt: Date) {
            self.kind = kind
            self.fileName = fileName
            self.data = data
            self.owner = owner
            self.storedAt = storedAt
        }
    }

    let store: Store
    static let lifetime: TimeInterval = 30 * 60
    static let capacity = 32

    public init(store: Store) { self.store = store }

    /// Keeps `upload`; returns the token that names it.
    public func keep(_ upload: Upload) async throws -> String {
        try await store.keepUpload(
            .init(
                kind: upload.kind.rawValue, fileName: upload.fileName, data: upload.data, owner: upload.owner,
                storedAt: upload.storedAt), lifetime: Self.lifetime, capacity: Self.capacity)
    }

    /// Takes the upload out if it exists, belongs to `owner` and has not expired.
    public func take(_ token: String, owner: Person.ID, at now: Date) async throws -> Upload? {
        guard let pending = try await store.takeUpload(token, owner: owner, at: now, lifetime: Self.lifetime),
            let kind = ImportKind(rawValue: pending.kind)
        else { return nil }
        return Upload(
            kind: kind, fileName: pending.fileName, data: pending.data, owner: pending.owner,
            storedAt: pending.storedAt)
    }
}

/// What an upload holds.
public enum ImportKind: String, Sendable, CaseIterable {
    case oneRoster = "oneroster"
    case caseJSON = "case"
    case moodleCSV = "moodle"
    case peopleCSV = "people"

    public var label: String {
        switch self {
        case .oneRoster: "OneRoster roster (a .zip of CSV files)"
        case .caseJSON: "CASE framework (.json)"
        case .moodleCSV: "Moodle competency framework (.csv)"
        case .peopleCSV: "People, without a student information system (.csv)"
        }
    }

    var accept: String {
        switch self {
        case .oneRoster: ".zip"
        case .caseJSON: ".json"
        case .moodleCSV, .peopleCSV: ".csv"
        }
    }
}

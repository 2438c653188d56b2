import Foundation
import MasteryCore
import MasteryStore

/// Uploads waiting for confirmation: the import page checks a file (a preview that writes nothing), keeps it
/// here under a random token, and imports it when the same person confirms. Entries expire after 30 minutes;
/// at most 32 are kept (the oldest go first).
public actor UploadStash {
    public struct Upload: Sendable {
        public var kind: ImportKind
        public var fileName: String
        public var data: Data
        public var owner: Person.ID
        public var storedAt: Date
    }

    private var uploads: [String: Upload] = [:]
    static let lifetime: TimeInterval = 30 * 60
    static let capacity = 32

    public init() {}

    /// Keeps `upload`; returns the token that names it.
    public func keep(_ upload: Upload) -> String {
        uploads = uploads.filter { upload.storedAt.timeIntervalSince($0.value.storedAt) < Self.lifetime }
        while uploads.count >= Self.capacity, let oldest = uploads.min(by: { $0.value.storedAt < $1.value.storedAt }) {
            uploads[oldest.key] = nil
        }
        let token = Store.newSecret()
        uploads[token] = upload
        return token
    }

    /// Takes the upload out if it exists, belongs to `owner` and has not expired.
    public func take(_ token: String, owner: Person.ID, at now: Date) -> Upload? {
        guard let upload = uploads[token], upload.owner == owner,
            now.timeIntervalSince(upload.storedAt) < Self.lifetime
        else { return nil }
        uploads[token] = nil
        return upload
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

import Foundation
import MasteryCore
import SQLKit

/// Uploads waiting for confirmation (the import page's check, then import), shared by every app server.
extension Store {
    public struct PendingUpload: Sendable, Equatable {
        public var kind: String
        public var fileName: String
        public var data: Data
        public var owner: Person.ID
        public var storedAt: Date

        public init(kind: String, fileName: String, data: Data, owner: Person.ID, storedAt: Date) {
            self.kind = kind
            self.fileName = fileName
            self.data = data
            self.owner = owner
            self.storedAt = storedAt
        }
    }

    /// Keeps an upload under a new token (returned), forgetting uploads older than `lifetime` and the oldest
    /// beyond `capacity`.
    public func keepUpload(_ upload: PendingUpload, lifetime: TimeInterval, capacity: Int) async throws -> String {
        let token = Self.newSecret()
        try await driver.withTransaction { db in
            try await db.raw(
                "DELETE FROM pending_uploads WHERE stored_at <= \(bind: upload.storedAt.timeIntervalSince1970 - lifetime)"
            ).run()
            let kept = try await db.raw("SELECT token_hash FROM pending_uploads ORDER BY stored_at DESC").all()
                .map { try $0.string("token_hash") }
            for hash in kept.dropFirst(max(0, capacity - 1)) {
                try await db.raw("DELETE FROM pending_uploads WHERE token_hash = \(bind: hash)").run()
            }
            try await db.insertRows(
                "pending_uploads",
                columns: ["token_hash", "kind", "file_name", "data_base64", "owner_id", "stored_at"],
                rows: [
                    [
                        Self.hash(token), upload.kind, upload.fileName, upload.data.base64EncodedString(),
                        upload.owner.rawValue, upload.storedAt.timeIntervalSince1970,
                    ]
                ])
        }
        return token
    }

    /// Takes the upload out, once (a second confirmation, even at the same moment on another server, finds
    /// nothing), if it belongs to `owner` and is younger than `lifetime`.
    public func takeUpload(
        _ token: String, owner: Person.ID, at now: Date, lifetime: TimeInterval
    ) async throws
        -> PendingUpload?
    {
        try await driver.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    DELETE FROM pending_uploads WHERE token_hash = \(bind: Self.hash(token)) \
                    AND owner_id = \(bind: owner.rawValue) \
                    RETURNING kind, file_name, data_base64, owner_id, stored_at
                    """
                ).first()
            else { return nil }
            let storedAt = Date(timeIntervalSince1970: try row.double("stored_at"))
            guard now.timeIntervalSince(storedAt) < lifetime,
                let data = Data(base64Encoded: try row.string("data_base64"))
            else { return nil }
            return PendingUpload(
                kind: try row.string("kind"), fileName: try row.string("file_name"), data: data,
                owner: try row.id("owner_id"), storedAt: storedAt)
        }
    }
}

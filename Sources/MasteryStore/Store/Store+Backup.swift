import Foundation
import SQLKit

extension Store {
    /// Writes a consistent copy of a SQLite database to `path` while it stays online (`VACUUM INTO`, which
    /// reads one snapshot of the database). For PostgreSQL it throws with the `pg_dump` command to use.
    public func backup(to path: String) async throws {
        switch location {
        case .postgres(let url):
            throw StoreError.backupUnsupported(
                "PostgreSQL databases are backed up with its own tools, e.g.: pg_dump --format=custom "
                    + "--file=\(path) '\(DatabaseLocation.postgres(url: url).description)'")
        case .sqlite:
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError.conflict("the backup file \(path) already exists; choose a new name")
            }
            try await driver.withConnection { db in
                try await db.raw("VACUUM INTO \(bind: path)").run()
            }
        }
    }
}

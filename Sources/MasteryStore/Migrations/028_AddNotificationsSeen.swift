import SQLKit

/// When a person last marked their "needs you" list as read: items from before then show as read.
struct AddNotificationsSeen: Migration {
    let number = 28
    let name = "AddNotificationsSeen"

    func prepare(on db: any SQLDatabase, flavor: SQLFlavor) async throws {
        let types = ColumnTypes(flavor: flavor)
        try await db.execute(["ALTER TABLE people ADD COLUMN notifications_seen_at \(types.double)"])
    }
}

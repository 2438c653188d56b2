import Foundation
import MasteryCore
import SQLKit
import Testing

@testable import MasteryStore

/// Several app servers start at once on a database that needs migrating: every one of them comes up, each
/// migration is applied once, and an upload checked through one is confirmed through another.
@Suite("Several servers on one database", .serialized)
struct ConcurrentStartTests {
    /// A database nobody has migrated yet, and the URL or path that opens it; dropped afterwards.
    static func withEmptyDatabase(_ backend: Backend, _ body: (DatabaseLocation) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("masterly-start-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await body(.sqlite(path: folder.appendingPathComponent("school.sqlite").path))
        case .postgres:
            let url = Backend.postgresURL!
            let name = "masterly_start_\(UUID().uuidString.lowercased().prefix(8))"
            let admin = try Store.open(.postgres(url: url))
            try await admin.driver.withConnection { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            let base = url[..<url.lastIndex(of: "/")!]
            do {
                try await body(.postgres(url: "\(base)/\(name)"))
            } catch {
                try? await admin.driver.withConnection { db in
                    try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
                }
                await admin.close()
                throw error
            }
            try await admin.driver.withConnection { db in
                try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name)").run()
            }
            await admin.close()
        }
    }

    @Test("Four servers migrating at once all come up; each migration is applied once", arguments: Backend.available)
    func migrateTogether(_ backend: Backend) async throws {
        try await Self.withEmptyDatabase(backend) { location in
            let stores = try (0..<4).map { _ in try Store.open(location) }
            // Every server's outcome, failures included (the stores are closed whatever happens).
            let outcomes = await withTaskGroup(of: Result<[String], any Error>.self) { group in
                for store in stores {
                    group.addTask {
                        do { return .success(try await store.migrate()) } catch { return .failure(error) }
                    }
                }
                var all: [Result<[String], any Error>] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let failures = outcomes.compactMap { outcome -> String? in
                if case .failure(let error) = outcome { return "\(error)" }
                return nil
            }
            #expect(failures.isEmpty, "servers failed to start: \(failures)")
            guard failures.isEmpty else {
                for store in stores { await store.close() }
                return
            }
            let applied = outcomes.compactMap { try? $0.get() }
            // Between them they applied every migration, each exactly once.
            #expect(applied.flatMap { $0 }.count == Store.migrationCount)
            #expect(Set(applied.flatMap { $0 }).count == Store.migrationCount)
            for store in stores { #expect(try await store.pendingMigrations() == 0) }
            // An upload checked through one server is confirmed through another, once.
            let token = try await stores[0].keepUpload(
                .init(kind: "case", fileName: "f.json", data: Data("{}".utf8), owner: "p-admin", storedAt: Date()),
                lifetime: 1_800, capacity: 32)
            #expect(try await stores[1].takeUpload(token, owner: "p-other", at: Date(), lifetime: 1_800) == nil)
            let taken = try await stores[1].takeUpload(token, owner: "p-admin", at: Date(), lifetime: 1_800)
            #expect(taken?.data == Data("{}".utf8))
            #expect(try await stores[2].takeUpload(token, owner: "p-admin", at: Date(), lifetime: 1_800) == nil)
            for store in stores { await store.close() }
        }
    }
}

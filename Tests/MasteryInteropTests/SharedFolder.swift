import Foundation

/// The project's root and the `../shared` folder beside it (present in CI, maybe not on a laptop).
enum SharedFolder {
    static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let url: URL = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func file(_ path: String) -> URL? {
        let url = url.appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static var hasKTData: Bool { file("data/kt/normalized/as_2020-06_2skills.norm.csv") != nil }
}

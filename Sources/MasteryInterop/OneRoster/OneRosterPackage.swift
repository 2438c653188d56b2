import Foundation
import ZIPFoundation

/// The files of a OneRoster CSV package, read from a folder or a zip (files at the root of the zip, or in
/// its one folder when a folder was zipped). Only top-level files count; `__MACOSX/` entries are ignored.
public struct OneRosterPackage: Sendable {
    /// File name → bytes.
    public var files: [String: Data]

    public init(files: [String: Data]) { self.files = files }

    /// Reads a folder or a `.zip` file.
    public init(contentsOf url: URL) throws(ImportError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ImportError(problems: [
                ImportProblem(file: url.lastPathComponent, line: nil, field: nil, message: "no such file or folder")
            ])
        }
        if isFolder.boolValue {
            var files: [String: Data] = [:]
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                let fileURL = url.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    continue
                }
                guard let data = FileManager.default.contents(atPath: fileURL.path) else {
                    throw ImportError(problems: [
                        ImportProblem(file: name, line: nil, field: nil, message: "cannot be read")
                    ])
                }
                files[name] = data
            }
            self.init(files: files)
        } else {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ImportError(problems: [
                    ImportProblem(file: url.lastPathComponent, line: nil, field: nil, message: "cannot be read")
                ])
            }
            try self.init(zip: data, archiveName: url.lastPathComponent)
        }
    }

    /// Reads a zip archive held in memory (an upload).
    public init(zip data: Data, archiveName: String = "upload.zip") throws(ImportError) {
        let refused = ImportError(problems: [
            ImportProblem(file: archiveName, line: nil, field: nil, message: "not a readable zip archive")
        ])
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw refused }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let path = entry.path
            if path.hasPrefix("__MACOSX/") || path.split(separator: "/").last?.hasPrefix(".") == true { continue }
            entries[path] = entry
        }
        var prefix = ""
        if entries["manifest.csv"] == nil {
            let folders = entries.keys.filter { $0.hasSuffix("/manifest.csv") }
                .map { String($0.dropLast("manifest.csv".count)) }
            if folders.count == 1 { prefix = folders[0] }
        }
        var files: [String: Data] = [:]
        for (path, entry) in entries where path.hasPrefix(prefix) {
            let name = String(path.dropFirst(prefix.count))
            guard !name.isEmpty, !name.contains("/") else { continue }
            var content = Data()
            do {
                _ = try archive.extract(entry) { content.append($0) }
            } catch {
                throw ImportError(problems: [
                    ImportProblem(file: name, line: nil, field: nil, message: "cannot be extracted from \(archiveName)")
                ])
            }
            files[name] = content
        }
        self.init(files: files)
    }
}

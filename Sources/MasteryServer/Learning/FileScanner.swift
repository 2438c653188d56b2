import Foundation

/// The school's virus check for handed-in files (optional): a command given in the configuration, run once per
/// file with the file's path as its last argument. Exit status 0 means clean, 1 means something was found (the
/// convention of `clamdscan` and `clamscan`); anything else, or a check that does not finish within
/// `timeoutSeconds`, means the file could not be checked — and is refused too, so nothing unchecked is kept.
/// The file is readable by the server's user only: a scanner daemon running as another user needs the file
/// handed over (`clamdscan --fdpass`).
struct FileScanner: Sendable {
    enum Verdict: Equatable, Sendable {
        case clean
        case infected
        case unchecked(String)
    }

    let command: String
    var timeoutSeconds: Double = 60

    func scan(_ data: Data) async -> Verdict {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("masterly-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { return .unchecked("the file could not be written for the check") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The path is passed as a positional parameter, never spliced into the command text.
        process.arguments = ["-c", "\(command) \"$1\"", "masterly-scan", file.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // The check sees none of the server's settings (database address, secrets): a plain PATH only.
        process.environment = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]
        let status: Int32? = await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            // Ended by a signal, the status is the signal's number: not a verdict.
            process.terminationHandler = { once.resume($0.terminationReason == .exit ? $0.terminationStatus : nil) }
            do {
                try process.run()
            } catch {
                once.resume(nil)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds) {
                guard process.isRunning else { return }
                process.terminate()
                once.resume(nil)
                // A check that ignores the request to stop is killed.
                let pid = process.processIdentifier
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                    if process.isRunning { kill(pid, SIGKILL) }
                }
            }
        }
        switch status {
        case 0: return .clean
        case 1: return .infected
        case let status?: return .unchecked("the check ended with status \(status)")
        case nil: return .unchecked("the check could not run or did not finish")
        }
    }
}

/// Resumes a continuation once, whichever of the process's end or the timeout comes first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Int32?, Never>?

    init(_ continuation: CheckedContinuation<Int32?, Never>) { self.continuation = continuation }

    func resume(_ value: Int32?) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }
}

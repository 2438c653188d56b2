import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run off the event loops (it is deliberately slow).
enum Passwords {
    static func hash(_ password: String, cost: UInt8 = 11) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

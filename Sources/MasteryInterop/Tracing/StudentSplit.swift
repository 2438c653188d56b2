import Crypto
import Foundation

/// The deterministic train/test split by student that the pyBKT baseline uses: a student is in the test set
/// when the first 8 hex digits of SHA-1("SEED:USER") read as a number fall below `testFraction × 2³²`.
public enum StudentSplit {
    public static func isTest(user: String, testFraction: Double, seed: Int) -> Bool {
        let digest = Insecure.SHA1.hash(data: Data("\(seed):\(user)".utf8))
        let bytes = Array(digest.prefix(4))
        let value = UInt64(bytes[0]) << 24 | UInt64(bytes[1]) << 16 | UInt64(bytes[2]) << 8 | UInt64(bytes[3])
        return Double(value) < testFraction * 4_294_967_296
    }
}

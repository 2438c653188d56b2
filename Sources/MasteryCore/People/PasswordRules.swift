/// What a new password must be (NIST SP 800-63B: length over composition): 8 to 128 characters, not a
/// password that tops the breached-password lists, not the username, no NUL. No rules about digits or symbols,
/// and spaces are welcome: a long phrase is the best password.
public enum PasswordRules {
    public static let minimumLength = 8
    public static let maximumLength = 128

    /// A few of the most common passwords in breach corpora (lowercased); a district adds to this by policy.
    public static let common: Set<String> = [
        "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop", "qwerty123",
        "iloveyou", "11111111", "00000000", "abc12345", "abcd1234", "football", "baseball", "sunshine",
        "princess", "welcome1", "letmein1", "superman", "trustno1", "monkey123", "dragon123", "passw0rd",
        "masterly", "masterly1", "school123", "student1", "teacher1", "changeme",
    ]

    /// Nil when `password` may be used; otherwise the reason, in plain words.
    public static func problem(with password: String, username: String?) -> String? {
        if password.unicodeScalars.contains("\u{0}") { return "The password may not contain a NUL character." }
        if password.count < minimumLength {
            return "Use at least \(minimumLength) characters — a short sentence works well."
        }
        if password.count > maximumLength { return "Use at most \(maximumLength) characters." }
        let lowered = password.lowercased()
        if common.contains(lowered) { return "That password is one of the most common ones. Choose another." }
        if let username, !username.isEmpty, lowered == username.lowercased() {
            return "The password may not be your username."
        }
        if Set(password).count == 1 { return "Use more than one repeated character." }
        return nil
    }
}

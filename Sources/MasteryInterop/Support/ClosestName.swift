/// "Did you mean …?" for misspelt names: the candidate most similar to a name, when similar enough.
enum ClosestName {
    /// The candidate whose similarity to `name` (twice the longest common subsequence over the total length,
    /// like Python's `difflib` ratio) is highest and at least `cutoff`.
    static func match(_ name: String, in candidates: some Sequence<String>, cutoff: Double = 0.8) -> String? {
        var best: (name: String, score: Double)?
        for candidate in candidates where candidate != name {
            let score = similarity(name, candidate)
            if score >= cutoff, score > (best?.score ?? 0) { best = (candidate, score) }
        }
        return best?.name
    }

    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...max(x.count, 1) where !x.isEmpty {
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[y.count]) / Double(x.count + y.count)
    }
}

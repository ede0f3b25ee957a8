/// "Did you mean" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo. Case, '-' and
    /// camelCase differences count as no distance ("annualFee" suggests "annual_fee").
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let target = normalized(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, normalized(candidate))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, (best.candidate.count + 2) / 4))
        if best.distance <= allowed { return best.candidate }
        // A shortened or lengthened name: "national" for "national_bank".
        let extended = candidates.filter {
            let other = normalized($0)
            return target.count >= 3 && (other.starts(with: target) || target.starts(with: other))
        }
        return extended.count == 1 ? extended[0] : nil
    }

    /// "did you mean 'x'?" or, with no close candidate, the list of known values.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let near = nearest(to: word, among: candidates) { return "did you mean '\(near)'?" }
        return "known keys: " + candidates.joined(separator: ", ")
    }

    private static func normalized(_ word: String) -> [Character] {
        var out: [Character] = []
        for character in word {
            if character.isUppercase {
                if !out.isEmpty, out.last != "_" { out.append("_") }
                out.append(contentsOf: character.lowercased())
            } else if character == "-" || character == " " {
                out.append("_")
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: the
    /// optimal-string-alignment distance, so that "pahts" is one edit from "paths".
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

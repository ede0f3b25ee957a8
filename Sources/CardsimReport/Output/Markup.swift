/// Text made safe for HTML and XML: every string from a scenario goes through here.
enum Markup {
    /// `s` with `&`, `<`, `>`, `"` and `'` as character references, and characters XML does
    /// not allow (controls other than tab and line breaks) as U+FFFD, so that the text is
    /// inert in element content and in quoted attributes alike.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// A gnuplot SVG made fit to sit inside an HTML page beside others.
enum InlineSVG {
    /// `svg` without its XML prolog, its `<title>` replaced by `title`, and every `id` (with
    /// the references to it: `href="#…"`, `url(#…)`) prefixed by `prefix`, so that several
    /// charts on one page keep distinct ids.
    static func prepare(_ svg: String, prefix: String, title: String) -> String {
        var bytes = Array(svg.utf8)
        if let start = find(Array("<svg".utf8), in: bytes, from: 0) { bytes.removeFirst(start) }
        if let start = find(Array("<title>".utf8), in: bytes, from: 0),
           let end = find(Array("</title>".utf8), in: bytes, from: start) {
            bytes.replaceSubrange(start..<(end + 8), with: Array("<title>\(Markup.escape(title))</title>".utf8))
        }
        let p = Array(prefix.utf8)
        let patterns = [" id='", " id=\"", "href='#", "href=\"#", "url(#"].map { Array($0.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20)
        var i = 0
        scan: while i < bytes.count {
            for pattern in patterns where bytes[i] == pattern[0] && i + pattern.count <= bytes.count
                && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += pattern; out += p
                i += pattern.count
                continue scan
            }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// FNV-1a, 64-bit: the fingerprint of output files stored in a baseline. Not cryptographic; it
/// detects changed or damaged files, not tampering.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of a text's UTF-8 bytes.
    static func hex(of text: String) -> String {
        var hash = FNV1a64()
        hash.add(text.utf8)
        return hash.hex
    }
}

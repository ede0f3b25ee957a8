/// FNV-1a, 64-bit: a small, stable hash of bytes (not for security). It fingerprints scenario
/// identity (the scenario text, overrides and model files) and the output files a regression
/// baseline stores: it detects changed or damaged text, not tampering.
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of a text's UTF-8 bytes, as 16 hex digits.
    public static func hex(of text: String) -> String {
        var hash = FNV1a64()
        hash.add(text.utf8)
        return hash.hex
    }
}

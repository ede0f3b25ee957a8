@testable import CardsimOutput
import Testing

/// SHA-256 against the example vectors of FIPS 180-4 (and NIST's "one million a"), and the
/// same digest whatever the pieces the message is fed in.
@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 examples: empty, 'abc', the two-block 448-bit message and 896-bit message")
    func vectors() {
        #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(of: Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("one million 'a', fed in pieces of 1, 63, 64 and 1000 bytes, gives the NIST digest")
    func million() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        var h = SHA256()
        h.update(chunk.prefix(1)); h.update(chunk.prefix(63)); h.update(chunk.prefix(64))
        for _ in 0..<999 { h.update(chunk) }
        h.update(chunk.prefix(1000 - 128))
        #expect(h.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() == expected)
    }

    @Test("messages of 55, 56, 63 and 64 bytes (padding at the block edge) match their known digests")
    func padding() {
        // Digests from sha256sum of the same bytes.
        let cases: [(Int, String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        ]
        for (count, digest) in cases {
            #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: count)) == digest, "\(count) bytes")
        }
    }
}

import Testing
@testable import CardsimEngine

@Suite struct PhiloxTests {
    /// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
    @Test func knownAnswers() {
        let zero = Philox4x32(seed: 0).block(0, 0, 0, 0)
        #expect(zero == (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8))
        let ones = Philox4x32(seed: 0xffff_ffff_ffff_ffff).block(0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff)
        #expect(ones == (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd))
        let pi = Philox4x32(seed: 0x299f_31d0_a409_3822).block(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344)
        #expect(pi == (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    }

    /// Uniforms never reach 0 or 1, so log(u) is always finite.
    @Test func unitIsOpen() {
        #expect(Draw.unit(0) > 0)
        #expect(Draw.unit(.max) < 1)
    }

    /// The quantile function against reference values (R's qnorm, 16 digits): relative error
    /// below 1.2e-9 in the centre and tails.
    @Test(arguments: [(0.5, 0.0), (0.975, 1.959963984540054), (0.8, 0.8416212335729143),
                      (0.02, -2.053748910631823), (0.001, -3.090232306167813), (1e-9, -5.997807015007686),
                      (0.999999, 4.753424308822899)])
    func inverseNormalMatchesReference(p: Double, z: Double) {
        #expect(abs(Draw.inverseNormal(p) - z) <= 1.2e-9 * max(1, abs(z)))
    }

    /// 100,000 normals have mean 0 and variance 1 within 5 standard errors.
    @Test func normalMoments() {
        let g = PathRandom(seed: 11, path: 3)
        let n = 100_000
        var s = 0.0, ss = 0.0, s4 = 0.0
        for i in 0..<n {
            let z = Draw.normal(g.words(agent: i, month: 1, .account).1)
            s += z; ss += z * z; s4 += z * z * z * z
        }
        let mean = s / Double(n), variance = ss / Double(n) - mean * mean
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        // Var(z^2) = 2 for a standard normal.
        #expect(abs(variance - 1) < 5 * (2.0 / Double(n)).squareRoot())
        #expect(abs(s4 / Double(n) - 3) < 5 * (96.0 / Double(n)).squareRoot())
    }

    /// Different purposes, months, agents and paths give different words.
    @Test func keysSeparateStreams() {
        let g = PathRandom(seed: 1, path: 0), h = PathRandom(seed: 1, path: 1)
        let a = g.words(agent: 5, month: 2, .account)
        #expect(a != g.words(agent: 5, month: 2, .installments))
        #expect(a != g.words(agent: 5, month: 3, .account))
        #expect(a != g.words(agent: 6, month: 2, .account))
        #expect(a != h.words(agent: 5, month: 2, .account))
        #expect(a == PathRandom(seed: 1, path: 0).words(agent: 5, month: 2, .account))
        // Application words: one block per quarter, a different word each month.
        let months = (1...4).map { g.applicationWord(agent: 5, month: $0) }
        #expect(Set(months).count == 4)
        #expect(g.applicationWord(agent: 5, month: 5) != months[0])
    }
}

private func == (a: (UInt32, UInt32, UInt32, UInt32), b: (UInt32, UInt32, UInt32, UInt32)) -> Bool {
    a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3
}
private func != (a: (UInt32, UInt32, UInt32, UInt32), b: (UInt32, UInt32, UInt32, UInt32)) -> Bool { !(a == b) }

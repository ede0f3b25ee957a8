/// Philox4x32-10, the counter-based generator of Salmon et al., "Parallel random numbers: as easy
/// as 1, 2, 3" (SC 2011).
///
/// A draw is a pure function of a 64-bit key and a 128-bit counter: no state is carried from one
/// draw to the next, so a draw keyed by (seed, path, agent, month, purpose) is the same whatever
/// thread computes it, whichever process the path runs in and whichever strategy asks for it.
/// That is what makes runs reproducible across thread counts and shards and gives every strategy
/// common random numbers.
public struct Philox4x32: Sendable, Hashable {
    public let key0: UInt32
    public let key1: UInt32

    /// A generator keyed by a 64-bit seed.
    public init(seed: UInt64) {
        key0 = UInt32(truncatingIfNeeded: seed)
        key1 = UInt32(truncatingIfNeeded: seed >> 32)
    }

    /// The ten-round Philox bijection applied to `counter` (c0, c1, c2, c3) under this key.
    @inline(__always)
    public func block(_ c0: UInt32, _ c1: UInt32, _ c2: UInt32, _ c3: UInt32)
        -> (UInt32, UInt32, UInt32, UInt32)
    {
        var x0 = c0, x1 = c1, x2 = c2, x3 = c3
        var k0 = key0, k1 = key1
        @inline(__always) func round() {
            let p0 = UInt64(0xD251_1F53) &* UInt64(x0)
            let p1 = UInt64(0xCD9E_8D57) &* UInt64(x2)
            let hi0 = UInt32(truncatingIfNeeded: p0 >> 32), lo0 = UInt32(truncatingIfNeeded: p0)
            let hi1 = UInt32(truncatingIfNeeded: p1 >> 32), lo1 = UInt32(truncatingIfNeeded: p1)
            x0 = hi1 ^ x1 ^ k0
            x1 = lo1
            x2 = hi0 ^ x3 ^ k1
            x3 = lo0
        }
        round()
        for _ in 0..<9 {
            k0 = k0 &+ 0x9E37_79B9
            k1 = k1 &+ 0xBB67_AE85
            round()
        }
        return (x0, x1, x2, x3)
    }
}

/// Conversions from 32-bit generator output to the distributions the kernels use.
public enum Draw {
    /// A uniform on the open interval (0, 1): (u + 0.5) / 2^32. Never 0 or 1, so `log` is safe.
    @inline(__always)
    public static func unit(_ u: UInt32) -> Double {
        (Double(u) + 0.5) * 0x1p-32
    }

    /// A standard normal from two 32-bit words by the Box-Muller transform (cosine branch):
    /// z = sqrt(-2 ln u1) cos(2 pi u2).
    @inline(__always)
    public static func normal(_ a: UInt32, _ b: UInt32) -> Double {
        let u1 = unit(a), u2 = unit(b)
        return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
    }
}

/// What a draw is for: the last word of the counter, so that two purposes never share a draw.
public enum Purpose: UInt32, Sendable {
    case populationTraits = 1
    case populationTraits2 = 2
    case initialBook = 3
    case initialBook2 = 4
    case acquisition = 10
    case activation = 11
    case spend = 12
    case payment = 13
    case installments = 14
    case lifecycle = 15
    case macro = 20
}

/// The generator of one Monte Carlo path: counters are (agent, path, month, purpose).
public struct PathRandom: Sendable {
    public let philox: Philox4x32
    public let path: UInt32

    public init(seed: UInt64, path: Int) {
        philox = Philox4x32(seed: seed)
        self.path = UInt32(truncatingIfNeeded: path)
    }

    /// Four independent 32-bit words for (agent, month, purpose).
    @inline(__always)
    public func words(agent: Int, month: Int, _ purpose: Purpose) -> (UInt32, UInt32, UInt32, UInt32) {
        philox.block(UInt32(truncatingIfNeeded: agent), path, UInt32(truncatingIfNeeded: month), purpose.rawValue)
    }
}

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

    /// A standard normal from one 32-bit word by inverting the normal distribution function
    /// (P. J. Acklam's rational approximation, relative error below 1.2e-9): a rational function
    /// in the central 95%, sqrt(-2 ln u) in the tails. One word per normal, and no
    /// trigonometry, which made it about three times cheaper than Box-Muller here.
    @inline(__always)
    public static func normal(_ w: UInt32) -> Double { inverseNormal(unit(w)) }

    /// The standard normal quantile function, for p in (0, 1) (Acklam's approximation).
    @inline(__always)
    public static func inverseNormal(_ p: Double) -> Double {
        if p > 0.02425 && p < 0.97575 {
            let q = p - 0.5, r = q * q
            let num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            let den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1
            return num / den
        }
        let tail = p < 0.5 ? p : 1 - p
        let q = (-2 * _log(tail)).squareRoot()
        let x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1)
        return p < 0.5 ? x : -x
    }
}

/// What a draw is for: the last word of the counter, so that two purposes never share a draw.
public enum Purpose: UInt32, Sendable {
    case populationTraits = 1
    case populationTraits2 = 2
    case initialBook = 3
    case initialBook2 = 4
    /// Competitors' cards held at month 0: word k % 4 of month counter k / 4 for competitor k.
    case holdings = 5
    /// Keyed by four-month block (month counter = (month - 1) / 4): word (month - 1) % 4
    /// decides whether a prospect applies that month, so one block serves four months.
    case acquisition = 10
    case approval = 11
    case activation = 12
    /// An account's month: w0 usage, w1 spend amount, w2 payment, w3 attrition.
    case account = 13
    case installments = 14
    /// Campaign contacts (w0) of a month.
    case campaign = 15
    /// A stable per-agent uniform (month counter 0) that selects precision-marketing targets.
    case targeting = 16
    /// A stable per-agent uniform (month counter 0) per campaign: word `CampaignKind.rawValue`
    /// below the campaign's holdout share puts the customer in its control group.
    case holdout = 17
    /// Value beyond the card (`CrossSell`): w0 membership, w1 loan take-up, w2 loan default.
    case crossSell = 18
    case macro = 20
    /// Observable application features (`ObservedFeatures.draw`): w0 age, w1 other cards,
    /// w2 recent applications, w3 social-security months; month counter 0.
    case features = 30
    /// More observable features: w0 utility regularity; month counter 0.
    case features2 = 31
}

/// The generator of one Monte Carlo path: counters are (agent, path, month, purpose).
public struct PathRandom: Sendable {
    public let philox: Philox4x32
    public let path: UInt32

    public init(seed: UInt64, path: Int) {
        philox = Philox4x32(seed: seed)
        self.path = UInt32(truncatingIfNeeded: path)
    }

    /// The uniform word that decides whether a prospect applies in `month` (see `Purpose`).
    @inline(__always)
    public func applicationWord(agent: Int, month: Int) -> UInt32 {
        let w = philox.block(UInt32(truncatingIfNeeded: agent), path, UInt32(truncatingIfNeeded: (month - 1) >> 2),
                             Purpose.acquisition.rawValue)
        switch (month - 1) & 3 {
        case 0: return w.0
        case 1: return w.1
        case 2: return w.2
        default: return w.3
        }
    }

    /// Four independent 32-bit words for (agent, month, purpose).
    @inline(__always)
    public func words(agent: Int, month: Int, _ purpose: Purpose) -> (UInt32, UInt32, UInt32, UInt32) {
        philox.block(UInt32(truncatingIfNeeded: agent), path, UInt32(truncatingIfNeeded: month), purpose.rawValue)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Thin wrappers so kernels do not depend on Foundation for elementary functions.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

/// The logistic function 1 / (1 + e^-x).
@inline(__always) func logistic(_ x: Double) -> Double { 1.0 / (1.0 + _exp(-x)) }

/// The log-odds ln(p / (1 - p)).
@inline(__always) func logit(_ p: Double) -> Double { _log(p / (1.0 - p)) }
@inline(__always) func _erfc(_ x: Double) -> Double { erfc(x) }

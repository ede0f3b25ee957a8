import CardsimTestSupport
import Foundation
import Testing

/// `cardsim sweep` end to end, on the built binary, at a small run size.
@Suite("cardsim sweep")
struct SweepCommandTests {
    static let scenario = PackageRoot.file("scenarios/fee-and-cutoff-sweep.yaml").path
    static let small = ["--paths", "2", "--agents", "1000", "--months", "6"]
    /// Two values of the fee and three cut-offs: 6 design points + base + 4 one-at-a-time points.
    static let vary = ["--vary", "bank.product.annual_fee=0,200", "--vary", "bank.risk.cutoff=-0.4:0.2:0.3"]
    static let pointCount = 11

    func sweep(_ out: URL, _ extra: [String] = [], expect status: Int32 = 0) throws -> CardsimBinary.Outcome {
        let outcome = try CardsimBinary.run(["sweep", Self.scenario, "--out", out.path, "--no-chart"] + Self.vary + Self.small + extra)
        #expect(outcome.status == status, "stdout: \(outcome.stdout)\nstderr: \(outcome.stderr)")
        return outcome
    }

    /// Differences between two sweep directories: the top-level files and every point's files.
    func differences(_ a: URL, _ b: URL) -> [String] {
        var out = DirectoryComparison.differences(a, b)
        let points = a.appendingPathComponent("points"), other = b.appendingPathComponent("points")
        out += DirectoryComparison.differences(points, other)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: points.path)) ?? []).sorted() {
            out += DirectoryComparison.differences(points.appendingPathComponent(name), other.appendingPathComponent(name))
        }
        return out
    }

    @Test("a grid point's directory is byte for byte the separate run of the same parameters")
    func pointsEqualRuns() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        _ = try sweep(out)
        let points = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("points").path).sorted()
        #expect(points == (1...Self.pointCount).map { String(format: "%04d", $0) })
        // Design point 5 (fee 200, cut-off -0.1), the base point 7 and point 10 (cut-off at -0.4).
        let cases: [(String, [String])] = [
            ("0005", ["--set", "bank.product.annual_fee=200", "--set", "bank.risk.cutoff=-0.1"]),
            ("0007", []),
            ("0010", ["--set", "bank.risk.cutoff=-0.4"]),
        ]
        for (point, sets) in cases {
            let run = dir.path("run-\(point)")
            let outcome = try CardsimBinary.run(["run", Self.scenario, "--out", run.path] + sets + Self.small)
            #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
            let diff = DirectoryComparison.differences(out.appendingPathComponent("points/\(point)"), run)
            #expect(diff.isEmpty, "point \(point): \(diff)")
        }
        let csv = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 1 + Self.pointCount)
        #expect(rows[0].hasPrefix("point,role,bank.product.annual_fee,bank.risk.cutoff,strategy,cards_in_force_mean,cards_in_force_se,"))
        #expect(rows[5].hasPrefix("0005,design,200,-0.1,current plan,"))
        #expect(rows[7].hasPrefix("0007,base,,,current plan,"))
    }

    @Test("an interrupted sweep resumes, skips finished points, ignores a half-written one and ends with the same bytes")
    func resume() throws {
        let dir = try TemporaryDirectory()
        let whole = dir.path("whole"), resumed = dir.path("resumed")
        _ = try sweep(whole)

        let first = try sweep(resumed, ["--stop-after", "4"])
        #expect(first.stdout.contains("Stopped after 4 points"))
        let pointsDir = resumed.appendingPathComponent("points")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pointsDir.path).sorted() == ["0001", "0002", "0003", "0004"])
        #expect(!FileManager.default.fileExists(atPath: resumed.appendingPathComponent("sweep.csv").path))
        // A point cut short: a temporary directory with a partial file, as a killed process leaves it.
        let partial = pointsDir.appendingPathComponent("0005.tmp-1234abcd")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data("month,strat".utf8).write(to: partial.appendingPathComponent("ledger.csv"))
        try Data("{\n  \"format\": \"cardsim-manifest-1\",\n  \"state\": \"writing\"\n}\n".utf8)
            .write(to: partial.appendingPathComponent("manifest.json"))
        // A finished point is not recomputed: its file's modification time stays.
        let finished = pointsDir.appendingPathComponent("0002/summary.json").path
        let before = try FileManager.default.attributesOfItem(atPath: finished)[.modificationDate] as? Date

        let second = try sweep(resumed)
        #expect(second.stderr.components(separatedBy: "done:").count - 1 == Self.pointCount - 4, "stderr: \(second.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: finished)[.modificationDate] as? Date == before)
        #expect(!FileManager.default.fileExists(atPath: partial.path))
        let diff = differences(whole, resumed)
        #expect(diff.isEmpty, "\(diff)")

        // Running again computes nothing and writes the same tables.
        let third = try sweep(resumed)
        #expect(!third.stderr.contains("done:"))
        #expect(differences(whole, resumed).isEmpty)
    }

    @Test("shards run disjoint points and --require-complete merges them into the unsharded sweep's bytes")
    func shards() throws {
        let dir = try TemporaryDirectory()
        let whole = dir.path("whole"), sharded = dir.path("sharded")
        _ = try sweep(whole)
        let one = try sweep(sharded, ["--shard", "1/3"])
        #expect(one.stdout.contains("shard 1/3: 4 points, 4 computed"))
        #expect(!FileManager.default.fileExists(atPath: sharded.appendingPathComponent("sweep.csv").path))

        let early = try sweep(sharded, ["--require-complete"], expect: 2)
        #expect(early.stderr.contains("Error: 7 of 11 points of the sweep"), "stderr: \(early.stderr)")
        _ = try sweep(sharded, ["--shard", "3/3"])
        _ = try sweep(sharded, ["--shard", "2/3"])
        let merged = try sweep(sharded, ["--require-complete"])
        #expect(merged.stdout.contains("Output:"))
        #expect(differences(whole, sharded).isEmpty, "\(differences(whole, sharded))")
    }

    @Test("a directory of another sweep is refused with exit 2 and left untouched")
    func otherSweep() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        _ = try sweep(out, ["--stop-after", "1"])
        let outcome = try sweep(out, ["--set", "bank.product.apr=0.15"], expect: 2)
        #expect(outcome.stderr.hasPrefix("Error: \(out.path) holds a different sweep"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Help: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("points").path) == ["0001"])

        let bad = try CardsimBinary.run(["sweep", Self.scenario, "--out", dir.path("x").path, "--vary", "bank.product.annual_fe=0,1"] + Self.small)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("annual_fe"), "stderr: \(bad.stderr)")
        let badVary = try CardsimBinary.run(["sweep", Self.scenario, "--out", dir.path("y").path, "--vary", "bank.risk.cutoff=0.2:-0.4"])
        #expect(badVary.status == 2)
        #expect(badVary.stderr.hasPrefix("Error: invalid --vary 'bank.risk.cutoff=0.2:-0.4': expected LOW below HIGH"))
    }

    @Test("the optimum of a constrained sweep meets its constraints and no feasible row of sweep.csv beats it")
    func optimumMeetsConstraints() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("sweep")
        // The file's own constraints (charge-off below 1.5% a year) are out of reach at 6 months:
        // replace them by the command line's.
        let outcome = try sweep(out, ["--set", "sweep.constraints={}", "--constraint", "approval_rate>0.3", "--constraint", "active_rate>=0.645"])
        #expect(outcome.stdout.contains("objective: maximize npv subject to"))
        let data = try Data(contentsOf: out.appendingPathComponent("optimum.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let best = try #require(json["best"] as? [String: Any], "no feasible point: \(json)")
        let checks = try #require(best["constraints"] as? [[String: Any]])
        #expect(checks.count == 2)
        for c in checks { #expect(c["met"] as? Bool == true) }
        let kpis = try #require(best["kpis"] as? [String: [String: Double]])
        #expect(try #require(kpis["approval_rate"]?["mean"]) > 0.3)
        #expect(try #require(kpis["active_rate"]?["mean"]) >= 0.645)
        let bestNPV = try #require(kpis["npv"]?["mean"])

        let csv = try String(contentsOf: out.appendingPathComponent("sweep.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let npv = try column("npv_mean"), approval = try column("approval_rate_mean"), active = try column("active_rate_mean")
        var feasible = 0
        for row in rows.dropFirst() {
            let a = Double(row[approval])!, b = Double(row[active])!
            guard a > 0.3, b >= 0.645 else { continue }
            feasible += 1
            #expect(Double(row[npv])! <= bestNPV)
        }
        #expect(json["feasible_rows"] as? Int == feasible)
        #expect(feasible > 0 && feasible < Self.pointCount, "the constraints should exclude some rows and keep others")
        // The constraints bind: the best row overall breaks one of them.
        let overall = rows.dropFirst().map { Double($0[npv])! }.max()!
        #expect(overall > bestNPV)
    }
}

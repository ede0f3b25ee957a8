@testable import CardsimFit
import Foundation
import Testing

/// The UCI credit-card default data (Yeh & Lien 2009): 30,000 clients, 23 features besides the
/// ID. Read once; fitted twice to check that a fit is reproducible bit for bit.
@Suite("UCI credit-card default data")
struct UCITests {
    /// Reference values from an independent implementation (Newton's method in numpy 2.4 with
    /// numpy.linalg.solve and inv, same standardization): coefficients, their standard
    /// errors and the intercept on the original scale, and the AUC and KS of its scores.
    static let reference: [String: (coefficient: Double, se: Double)] = [
        "LIMIT_BAL": (-7.622843569504045e-07, 1.568909937307269e-07),
        "SEX": (-0.1086529377138811, 0.030685582138061118),
        "AGE": (0.007419685789084521, 0.001779166250276068),
        "PAY_0": (0.577406898529651, 0.01769426255401226),
        "BILL_AMT1": (-5.492366216917424e-06, 1.1359171860103479e-06),
        "PAY_AMT1": (-1.363154033485269e-05, 2.305330028228195e-06),
        "PAY_AMT6": (-2.0640567758611584e-06, 1.2958928674501275e-06),
    ]
    static let referenceIntercept = -0.6862839005681407
    static let referenceAUC = 0.7242261339759194
    static let referenceKS = 0.3781863443953124

    @Test("the fit converges, reproduces published and independent results, and is identical run to run")
    func fit() throws {
        let table = try UCIData.table.get()
        #expect(table.rowCount == 30_000)
        let data = try TrainingData(table: table, target: "Default", exclude: ["ID"])
        #expect(data.features.count == 23)
        #expect(data.events == 6_636)
        let first = try Scorecard.fit(data, name: "uci")
        let second = try Scorecard.fit(data, name: "uci")

        // Converged (the fit throws otherwise), well inside the iteration limit.
        #expect(first.fit.iterations < 20)
        // Published: logistic regression on all columns reaches an AUC of about 0.72.
        let m = first.scorecard.metrics
        #expect(m.auc >= 0.70 && m.auc <= 0.74, "AUC \(m.auc)")
        #expect(m.gini == 2 * m.auc - 1)
        #expect(m.n == 30_000 && m.events == 6_636)

        // Independent implementation: same optimum to far below a standard error.
        #expect(abs(first.fit.intercept - UCITests.referenceIntercept) <= 1e-8)
        for (name, ref) in UCITests.reference {
            let j = try #require(data.features.firstIndex(of: name))
            #expect(abs(first.fit.coefficients[j] - ref.coefficient) <= 1e-7 * ref.se, "\(name)")
            #expect(abs(first.fit.standardErrors[j] - ref.se) <= 1e-7 * ref.se, "\(name) SE")
        }
        #expect(abs(m.auc - UCITests.referenceAUC) <= 1e-12)
        #expect(abs(m.ks - UCITests.referenceKS) <= 1e-12)

        // Run to run: the same bits and the same model file.
        #expect(first.fit == second.fit)
        #expect(first.scorecard == second.scorecard)
        #expect(first.yaml == second.yaml)
        #expect(first.calibration == second.calibration)

        // Calibration on the fitting data. With an intercept, the likelihood equations make
        // the predicted probabilities sum to the number of events (calibration in the large);
        // the deciles themselves are not all calibrated (the status codes act non-linearly),
        // but observed rates rise from the lowest to the highest decile.
        let bands = first.calibration
        let predictedEvents = bands.map { $0.meanPredicted * Double($0.count) }.reduce(0, +)
        #expect(abs(predictedEvents - 6_636) < 1e-6, "sum of predictions \(predictedEvents)")
        #expect(bands.first!.observedRate < 0.15 && bands.last!.observedRate > 0.6)
    }

    @Test("roll rates on the UCI status histories")
    func rollRates() throws {
        let table = try UCIData.table.get()
        let rates = try RollRates(table: table, statusColumns: UCIData.statusColumns)
        #expect(rates.clients == 30_000)
        #expect(rates.transitions == 150_000)
        // Counted independently with numpy (np.add.at over the bucket pairs).
        let expected: [[Int]] = [
            [123_723, 1_860, 6_209, 0, 0, 0, 0, 0],
            [0, 34, 0, 0, 0, 0, 0, 0],
            [4_130, 1_676, 9_460, 1_031, 0, 0, 0, 0],
            [176, 109, 362, 176, 285, 0, 0, 0],
            [16, 32, 85, 29, 106, 109, 0, 0],
            [6, 7, 18, 7, 11, 12, 50, 0],
            [2, 2, 5, 1, 1, 3, 4, 45],
            [0, 2, 59, 2, 1, 0, 1, 153],
        ]
        #expect(rates.counts == expected)
        // The quirk of the data: delay code 1 almost never occurs before September (PAY_0).
        let ones = rates.codes.map { column in column.first { $0.code == 1 }?.count ?? 0 }
        #expect(ones == [0, 0, 2, 4, 28, 3_688])
        #expect(rates.baseRoll[6] == 45.0 / 63.0)
        #expect(rates.baseCure[2] == 4_130.0 / 16_297.0)
        #expect(rates.warnings.isEmpty)
    }
}

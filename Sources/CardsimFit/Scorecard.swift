/// A fitted logistic scorecard in the shape of a scenario's `bank.risk.scorecard` section:
/// P(event) = logistic(intercept + sum over features of coefficient x value).
public struct Scorecard: Sendable, Equatable {
    public struct Feature: Sendable, Equatable {
        public var name: String
        /// Log-odds per unit of the column's value.
        public var coefficient: Double
        public var standardError: Double
        /// Mean and sample standard deviation of the column in the fitting data.
        public var mean: Double
        public var sd: Double
    }

    public struct Metrics: Sendable, Equatable {
        public var auc: Double
        public var ks: Double
        public var gini: Double
        public var n: Int
        public var events: Int
    }

    public var name: String
    /// The target column, and the value of it that marks an event.
    public var target: String
    public var positive: String
    public var features: [Feature]
    public var intercept: Double
    public var interceptStandardError: Double
    public var metrics: Metrics

    public var coefficients: [Double] { features.map(\.coefficient) }

    /// Log-odds scores of the rows of `x` (row-major, one column per feature), by OpenBLAS.
    public func scores(_ x: [Double], rows: Int) -> [Double] {
        Scoring.blas(x, rows: rows, coefficients: coefficients, intercept: intercept)
    }
}

/// Everything `cardsim fit scorecard` reports: the fit, its scorecard, discrimination and
/// calibration on the fitting data.
public struct ScorecardResult: Sendable {
    public var source: String
    public var fit: LogisticFit
    public var scorecard: Scorecard
    public var discrimination: Discrimination
    public var calibration: [CalibrationBand]
    /// Columns left out of the default features because they do not hold numbers.
    public var skipped: [String]
}

extension Scorecard {
    /// Fits `data` by IRLS and measures the result on the same rows.
    public static func fit(_ data: TrainingData, name: String, options: FitOptions = FitOptions()) throws -> ScorecardResult {
        let fit = try LogisticRegression.fit(data, options: options)
        let features = data.features.indices.map { j in
            Feature(name: data.features[j], coefficient: fit.coefficients[j], standardError: fit.standardErrors[j],
                    mean: fit.means[j], sd: fit.sds[j])
        }
        var card = Scorecard(name: name, target: data.target, positive: data.positive, features: features,
                             intercept: fit.intercept, interceptStandardError: fit.interceptStandardError,
                             metrics: Metrics(auc: 0, ks: 0, gini: 0, n: data.rows, events: data.events))
        let scores = card.scores(data.x, rows: data.rows)
        let discrimination = Discrimination(scores: scores, y: data.y)
        card.metrics = Metrics(auc: discrimination.auc, ks: discrimination.ks, gini: discrimination.gini,
                               n: data.rows, events: data.events)
        let calibration = CalibrationBand.deciles(predicted: scores.map(Scoring.probability), y: data.y)
        return ScorecardResult(source: data.source, fit: fit, scorecard: card, discrimination: discrimination,
                               calibration: calibration, skipped: data.skipped)
    }
}

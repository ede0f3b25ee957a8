// swift-tools-version:6.0
import PackageDescription

/// Release builds of the engine drop arithmetic overflow traps' cost where it matters and let
/// clang's math imports skip `errno` (see docs/performance.md for the measurements).
let engineFlags: [SwiftSetting] = [
    .unsafeFlags(["-Xcc", "-fno-math-errno"]),
    .unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
    // Debug builds (the test suite's) optimise the engine too, keeping overflow checks: the
    // simulations of the tests run about ten times faster, with the same results (IEEE
    // arithmetic is not reassociated at any level).
    .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
    name: "cardsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cardsim", targets: ["cardsim"]),
        .library(name: "CardsimEngine", targets: ["CardsimEngine"]),
        // For the fuzz package in Fuzz/ (the scenario and targets-file loaders).
        .library(name: "CardsimScenario", targets: ["CardsimScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // OpenBLAS (cblas) and LAPACKE from Debian's libopenblas-dev and liblapacke-dev.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // The simulator: columns, kernels, Monte Carlo. Knows nothing of files, YAML or printing.
        .target(
            name: "CardsimEngine",
            dependencies: ["COpenBLAS"],
            swiftSettings: engineFlags
        ),
        // Scenario files: schema, loading, defaults, validation with file:line:column.
        .target(
            name: "CardsimScenario",
            dependencies: ["CardsimEngine", .product(name: "Yams", package: "Yams")]
        ),
        // Results on disk: summary.json, monthly.csv, paths.csv, merge of shards.
        .target(
            name: "CardsimOutput",
            dependencies: ["CardsimEngine", "CardsimAnalysis"]
        ),
        // Strategy comparison: paired differences, confidence intervals, profit attribution,
        // KPI targets, risk measures.
        .target(
            name: "CardsimAnalysis",
            dependencies: ["CardsimEngine"]
        ),
        // Fitting risk models from data: logistic scorecards (IRLS on OpenBLAS/LAPACK) and
        // delinquency roll rates.
        .target(
            name: "CardsimFit",
            dependencies: ["CardsimEngine", "COpenBLAS"]
        ),
        // Charts (gnuplot over a pipe), the HTML report and notebook export.
        .target(
            name: "CardsimReport",
            dependencies: ["CardsimEngine", "CardsimOutput", "CardsimAnalysis"]
        ),
        // Regression checks of scenario outputs against stored baselines.
        .target(
            name: "CardsimCheck",
            dependencies: ["CardsimEngine", "CardsimOutput"]
        ),
        // Parameter sweeps: designs (grid, Latin hypercube, Morris), elementary effects, the
        // constrained optimum, the tornado and the resumable store of finished points.
        .target(
            name: "CardsimSweep",
            dependencies: ["CardsimEngine", "CardsimScenario", "CardsimOutput", "CardsimReport"]
        ),
        // Calibration to a bank's own figures: the method of simulated moments on common random
        // numbers (multi-start Nelder-Mead, sandwich standard errors, identification).
        .target(
            name: "CardsimCalibrate",
            dependencies: ["CardsimEngine", "CardsimScenario", "CardsimOutput", "CardsimSweep", "COpenBLAS"]
        ),
        // The command line.
        .executableTarget(
            name: "cardsim",
            dependencies: [
                "CardsimEngine", "CardsimScenario", "CardsimOutput",
                "CardsimAnalysis", "CardsimFit", "CardsimReport", "CardsimCheck", "CardsimSweep",
                "CardsimCalibrate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by every test bundle (small scenarios, running the built binary).
        .target(
            name: "CardsimTestSupport",
            dependencies: ["CardsimEngine", "CardsimScenario", "CardsimOutput"],
            path: "Tests/CardsimTestSupport"
        ),
        .testTarget(name: "CardsimEngineTests", dependencies: ["CardsimEngine", "CardsimTestSupport"]),
        .testTarget(name: "CardsimScenarioTests", dependencies: ["CardsimScenario", "CardsimAnalysis", "CardsimTestSupport"]),
        .testTarget(name: "CardsimOutputTests", dependencies: ["CardsimOutput", "CardsimTestSupport"]),
        .testTarget(name: "CardsimCLITests", dependencies: ["CardsimTestSupport"]),
        .testTarget(name: "CardsimAnalysisTests", dependencies: ["CardsimAnalysis", "CardsimTestSupport"]),
        .testTarget(name: "CardsimFitTests", dependencies: ["CardsimFit", "CardsimTestSupport"]),
        .testTarget(name: "CardsimReportTests", dependencies: ["CardsimReport", "CardsimTestSupport"]),
        .testTarget(name: "CardsimCheckTests", dependencies: ["CardsimCheck", "CardsimTestSupport"]),
        .testTarget(name: "CardsimSweepTests", dependencies: ["CardsimSweep", "CardsimTestSupport"]),
        .testTarget(name: "CardsimCalibrateTests", dependencies: ["CardsimCalibrate", "CardsimTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)

// swift-tools-version:6.0
import PackageDescription

/// The libFuzzer target over cardsim's input loaders (docs/fuzzing.md): build it with
/// `swift build -c release --sanitize fuzzer` in this folder, or `make fuzz` at the top.
let package = Package(
    name: "cardsim-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "cardsim", path: ".."),
    ],
    targets: [
        // libFuzzer supplies main(): the target is parsed as a library.
        .executableTarget(
            name: "LoaderFuzz",
            dependencies: [.product(name: "CardsimScenario", package: "cardsim")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)

// swift-tools-version:6.0
// Benchmarks live in their own package so the library never carries them.
// Build and run in release mode: `swift run -c release --package-path Benchmarks bench-json FILE`.
import PackageDescription

let package = Package(
  name: "dataprep-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(path: "../")
  ],
  targets: [
    .executableTarget(
      name: "bench-json",
      dependencies: [.product(name: "DataPrep", package: "main")]
    ),
  ]
)

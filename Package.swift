// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "dataprep",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "DataPrep", targets: ["DataPrep"]),
    .executable(name: "dataprep", targets: ["dataprep"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // SHA-256 and HMAC from the system's OpenSSL 3 libcrypto (Debian's libssl-dev).
    .systemLibrary(
      name: "CLibCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
    ),
    // CLD2 (Debian's libcld2-dev) behind one C-callable C++ shim: language identification.
    .target(
      name: "CCLD2",
      linkerSettings: [.linkedLibrary("cld2")]
    ),
    .target(
      name: "DataPrep",
      dependencies: [
        "CCLD2",
        "CLibCrypto",
        "CLibXML",
        "CZlib",
        .product(name: "Yams", package: "Yams"),
      ],
      // The o200k_base and cl100k_base rank files (MIT, see Resources/tokenizers/NOTICE.md), so
      // token counts are exact with nothing installed (TokenizerLocator finds the bundle).
      resources: [.copy("Resources/tokenizers")]
    ),
    .executableTarget(
      name: "dataprep",
      dependencies: [
        "DataPrep",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Release-mode benchmarks: executables outside the library (`swift run -c release bench-json FILE`).
    .executableTarget(name: "bench-chat", dependencies: ["DataPrep", "DataPrepTestSupport"], path: "Benchmarks/bench-chat"),
    .executableTarget(name: "bench-json", dependencies: ["DataPrep"], path: "Benchmarks/bench-json"),
    .executableTarget(name: "bench-language", dependencies: ["DataPrep"], path: "Benchmarks/bench-language"),
    .executableTarget(name: "bench-tokenizer", dependencies: ["DataPrep"], path: "Benchmarks/bench-tokenizer"),
    .executableTarget(name: "bench-validate", dependencies: ["DataPrep"], path: "Benchmarks/bench-validate"),
    // Test support shared by both test targets (SharedData, CommandRunner, scratch folders,
    // fixtures): `package` access, public library API only, so it builds in every configuration.
    .target(
      name: "DataPrepTestSupport",
      dependencies: ["DataPrep"],
      path: "Tests/DataPrepTestSupport"
    ),
    // Library tests: no test here runs the binary.
    .testTarget(
      name: "DataPrepTests",
      dependencies: ["DataPrep", "DataPrepTestSupport"]
    ),
    // Tests that run the `dataprep` executable. Depending on it makes SwiftPM build it before
    // these tests; CommandRunner runs the copy beside the test bundle, so `swift test -c release`
    // drives the release binary.
    .testTarget(
      name: "DataPrepCLITests",
      dependencies: ["DataPrep", "dataprep", "DataPrepTestSupport", .product(name: "Yams", package: "Yams")]
    ),
  ]
)

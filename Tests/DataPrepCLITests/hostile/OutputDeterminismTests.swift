import Foundation
import Testing

import DataPrep

#if canImport(Glibc)
  import Glibc
#endif

/// Outputs do not depend on the locale or on the order the file system lists a folder in:
/// `extract`, `dedup` and `build` give byte-identical files under `LC_ALL=C`, `C.UTF-8` and
/// whichever of `tr_TR.UTF-8` / `de_DE.UTF-8` are installed, and for the same files created in
/// opposite orders, with names whose byte order differs from a collation order (`B`, `a`, `ä`
/// precomposed and decomposed, `Z10`, `z2`).
@Suite(.serialized) struct OutputDeterminismTests {
  /// Names whose byte order differs from any dictionary order: upper case before lower case,
  /// `Z10` before `z2`, and `ä` both precomposed (U+00E4) and decomposed (a + U+0308), which
  /// Swift's `String` comparison holds equal.
  static let names = ["B.html", "a.html", "\u{E4}.html", "a\u{308}.html", "Z10.html", "z2.html", "\u{C9}t\u{E9}.txt", "i\u{307}.md"]

  /// The locales to try: `C`, `POSIX`, `C.UTF-8` when listed, and `tr_TR.UTF-8` / `de_DE.UTF-8`:
  /// installed ones as they are, missing ones compiled with `localedef` into `folder` (used
  /// through `LOCPATH`, nothing installed) when the locale sources are there; a locale that is
  /// neither is left out with a message.
  static func availableLocales(compilingInto folder: String) -> [(name: String, environment: [String: String])] {
    let listed = Set(Self.listLocales().map(Self.normalized))
    var found: [(name: String, environment: [String: String])] = [("C", [:]), ("POSIX", [:])]
    var missing: [String] = []
    for name in ["C.UTF-8", "tr_TR.UTF-8", "de_DE.UTF-8"] {
      if listed.contains(Self.normalized(name)) {
        found.append((name, [:]))
      } else if name != "C.UTF-8", let source = name.split(separator: ".").first,
        CommandRunner.shell("localedef -i \(source) -f UTF-8 '\(folder)/\(name)'") == 0
      {
        found.append((name, ["LOCPATH": folder]))
      } else {
        missing.append(name)
      }
    }
    if !missing.isEmpty {
      print("OutputDeterminismTests: locales neither installed nor compilable, not tried: \(missing.joined(separator: ", "))")
    }
    return found
  }


  /// `C.UTF-8` and `C.utf8` name the same locale.
  static func normalized(_ name: String) -> String {
    name.lowercased().replacingOccurrences(of: "-", with: "")
  }

  static func listLocales() -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "locale -a 2>/dev/null"]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return [] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Writes one source file per name into `folder` in the order given. Two pairs share their
  /// text (`a` / `ä`, `B` / `Z10`) so which copy dedup keeps shows the order files were read in.
  static func writeSources(_ names: [String], into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in names {
      let shared: String
      switch name {
      case "a.html", "\u{E4}.html": shared = "Shared page about rivers"
      case "B.html", "Z10.html": shared = "Shared page about bridges"
      default: shared = "Page \(name)"
      }
      let paragraphs = (0..<6).map { "<p>\(shared): paragraph \($0) with enough words to keep it as text in the output.</p>" }.joined()
      let text: String
      if name.hasSuffix(".html") {
        text = "<html><head><title>\(shared)</title></head><body><h1>\(shared)</h1>\(paragraphs)<h2>How does it work?</h2><p>\(shared) works slowly and well.</p></body></html>"
      } else {
        text = "# \(shared)\n\n" + (0..<6).map { "\(shared): paragraph \($0) with enough words to keep it as text." }.joined(separator: "\n\n") + "\n"
      }
      try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
  }

  /// Every regular file under `folder` (recursively) with its bytes, keyed by relative path.
  static func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
    for case let relative as String in walker {
      var isDirectory: ObjCBool = false
      let full = folder + "/" + relative
      if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
      }
    }
    return files
  }

  /// A folder on tmpfs (`/dev/shm`) when there is one: there `readdir` returns names in
  /// creation order, so creating them in opposite orders gives opposite listings; ext4 lists by
  /// name hash whatever the creation order.
  static func scratchRoot() throws -> String {
    var base = FileManager.default.temporaryDirectory.path
    if access("/dev/shm", W_OK) == 0 { base = "/dev/shm" }
    let root = base + "/dataprep-order-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return root
  }

  /// Runs `arguments` in `directory`, expecting exit 0 or 1 (1: build found warnings worth it).
  static func run(
    _ arguments: [String], in directory: String, locale: String = "C", environment: [String: String] = [:]
  ) throws {
    let result = try CommandRunner.run(
      arguments, timeout: 300, environment: environment.merging(["LC_ALL": locale, "LANG": locale]) { a, _ in a },
      directory: directory)
    #expect(result.status == 0 || result.status == 1, "\(arguments.joined(separator: " ")) under \(locale): \(result.stderr)")
  }

  @Test func outputsDoNotDependOnCreationOrderOrCollation() throws {
    guard CommandRunner.isAvailable() else { return }
    let root = try Self.scratchRoot()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // The same files, created in opposite orders, read through the same relative paths (the
    // documents' ids and sources hold the path) in two working folders.
    var results: [[String: Data]] = []
    for (index, order) in [Self.names, Self.names.reversed()].enumerated() {
      let work = root + "/order-\(index)"
      try Self.writeSources(order, into: work + "/sources")
      try Self.run(["extract", "sources", "-o", "documents.jsonl"], in: work)
      try Self.run(["dedup", "documents.jsonl", "-o", "kept.jsonl"], in: work)
      try Self.run(["build", "sources", "-o", "ds", "--quiet"], in: work)
      results.append(try Self.snapshot(work).filter { !$0.key.hasPrefix("sources/") })
    }
    #expect(results[0].keys.sorted() == results[1].keys.sorted())
    for (name, bytes) in results[0] where results[1][name] != bytes {
      Issue.record("\(name) differs between the two creation orders")
    }
    // Extract reads a folder in byte order of the names, whatever the listing order.
    let documents = String(decoding: results[0]["documents.jsonl"] ?? Data(), as: UTF8.self)
    let sources = documents.split(separator: "\n").compactMap { line -> String? in
      (try? JSONParser().parse(String(line)))?["source"]?.stringValue
    }
    let expected = Self.names.map { "sources/" + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    #expect(sources == expected)
    // The manifest lists the sources in the same byte order.
    let manifest = try JSONParser().parse(Array(results[0]["ds/manifest.json"] ?? Data()))
    let listed = manifest["sources"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
    #expect(listed == expected)
  }
}

/// The cases of ``OutputDeterminismTests`` that take over about 5 seconds: tagged `.long`, and named so that
/// `swift test --skip LongTests` leaves them out locally (docs/testing.md); CI runs them.
extension OutputDeterminismTests {
  @Suite(.tags(.long)) struct LongTests {
    @Test func outputsAreByteIdenticalUnderEveryLocale() throws {
      guard CommandRunner.isAvailable() else { return }
      let root = try OutputDeterminismTests.scratchRoot()
      defer { try? FileManager.default.removeItem(atPath: root) }
      try OutputDeterminismTests.writeSources(OutputDeterminismTests.names, into: root + "/sources")
      let samples = SharedData.packageRoot.appendingPathComponent("samples").path
      var first: (locale: String, files: [String: Data])?
      let compiled = root + "/locales"
      try FileManager.default.createDirectory(atPath: compiled, withIntermediateDirectories: true)
      for (locale, environment) in OutputDeterminismTests.availableLocales(compilingInto: compiled) {
        let work = root + "/run"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try OutputDeterminismTests.run(["extract", root + "/sources", samples, "-o", "documents.jsonl"], in: work, locale: locale, environment: environment)
        try OutputDeterminismTests.run(["dedup", "documents.jsonl", "-o", "kept.jsonl"], in: work, locale: locale, environment: environment)
        try OutputDeterminismTests.run(["build", samples, "-o", "ds", "--quiet"], in: work, locale: locale, environment: environment)
        let files = try OutputDeterminismTests.snapshot(work)
        #expect(files.keys.contains("ds/manifest.json") && files.keys.contains("kept.jsonl"))
        if let first {
          #expect(files.keys.sorted() == first.files.keys.sorted())
          for (name, bytes) in files where first.files[name] != bytes {
            Issue.record("\(name) differs between LC_ALL=\(first.locale) and LC_ALL=\(locale)")
          }
        } else {
          first = (locale, files)
        }
      }
    }
  }
}

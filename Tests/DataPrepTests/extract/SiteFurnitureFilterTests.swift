import Foundation
import Testing

@testable import DataPrep

/// Site furniture learned from a set of documents: what recurs on many pages goes, content
/// (code included) stays, tables stay tables, and the counts say what happened.
@Suite struct SiteFurnitureFilterTests {
  /// Words that make each page's prose its own (digits alone would fold to one key).
  static let names = ["zero", "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]

  /// One small documentation page of a set of `count`: a shared navigation bar and licence, a
  /// footer whose date varies, a section of site links on every page, unique prose, and a code
  /// block shared by the first six pages.
  private func page(_ number: Int) -> String {
    let name = Self.names[number]
    let code = number <= 6 ? "<pre>from django.db import models\nclass Entry(models.Model): pass</pre>" : ""
    return """
      <html><head><title>Topic \(number)</title></head><body>
      <p>Home | Table of contents | Index | Modules</p>
      <h1>Topic \(number)</h1>
      <p>Topic \(number) explains how the \(name) widget is wound, oiled and stored.</p>
      \(code)
      <p>Every \(name) widget needs its own key.</p>
      <h2>Site links</h2>
      <p>Browse the full index of this site</p>
      <p>This page last modified on 2024-05-\(10 + number) 10:\(10 + number) UTC.</p>
      <p>Licensed under the Apache License, Version 2.0.</p>
      </body></html>
      """
  }

  /// Extracts `pages` (whole pages, so the furniture reaches the text) through the filter.
  private func filtered(
    _ pages: [String: String], options: SiteFurnitureFilter.Options = SiteFurnitureFilter.Options()
  ) throws -> (documents: [JSONObject], summary: SiteFurnitureFilter.Summary, folder: ScratchFolder) {
    let folder = try ScratchFolder()
    for (name, text) in pages { try folder.write("site/" + name, text) }
    let output = folder.path("documents.jsonl")
    let writer = try JSONLWriter(path: output)
    let result = try SiteFurnitureFilter(options).run(
      extraction: ExtractionRun(paths: [folder.path("site")]), writer: writer)
    try writer.finish()
    return (try records(output), result.furniture, folder)
  }

  private func records(_ path: String) throws -> [JSONObject] {
    var out: [JSONObject] = []
    try JSONLReader(path: path).forEachRecord {
      out.append($0.object)
      return true
    }
    return out
  }

  private func text(_ record: JSONObject) -> String { record["text"]?.stringValue ?? "" }

  private func sections(_ record: JSONObject) -> [(heading: String, text: String)] {
    (record["sections"]?.arrayValue ?? []).map { ($0["heading"]?.stringValue ?? "", $0["text"]?.stringValue ?? "") }
  }

  private var eightPages: [String: String] {
    Dictionary(uniqueKeysWithValues: (1...8).map { ("p\($0).html", page($0)) })
  }

  @Test func navigationVaryingFooterAndLicenceAreLearnedAndRemoved() throws {
    let (documents, summary, _) = try filtered(eightPages)
    #expect(documents.count == 8)
    for document in documents {
      let body = text(document)
      #expect(!body.contains("Home | Table of contents"))
      #expect(!body.contains("last modified"))
      #expect(!body.contains("Licensed under"))
      for section in sections(document) {
        #expect(!section.text.contains("Licensed under"))
        #expect(!section.text.contains("last modified"))
      }
    }
    #expect(summary.documents == 8)
    #expect(summary.documentsChanged == 8)
    #expect(summary.documentsWritten == 8)
    #expect(summary.threshold == 5)
    #expect(summary.topLines.contains { $0.text.contains("Licensed under the Apache License") && $0.documents == 8 })
    #expect(summary.topLines.contains { $0.text.contains("last modified on") })
  }

  @Test func uniqueProseAndRepeatedCodeStay() throws {
    let (documents, _, _) = try filtered(eightPages)
    let byTitle = Dictionary(uniqueKeysWithValues: documents.map { ($0["title"]?.stringValue ?? "", $0) })
    let first = try #require(byTitle["Topic 1"])
    #expect(text(first).contains("Topic 1 explains how the alpha widget is wound"))
    #expect(text(first).contains("Every alpha widget needs its own key."))
    // Six pages hold the same code: code is never furniture.
    #expect(text(first).contains("from django.db import models"))
    #expect(sections(first).contains { $0.text.contains("class Entry(models.Model): pass") })
  }

  @Test func sectionLeftEmptyIsDroppedWithItsHeading() throws {
    let (documents, summary, _) = try filtered(eightPages)
    for document in documents {
      #expect(!sections(document).contains { $0.heading == "Site links" })
      #expect(!text(document).contains("## Site links"))
      #expect(sections(document).contains { $0.heading.hasPrefix("Topic") })
    }
    // Each page loses two sections: "Site links" and the lead holding only the navigation bar.
    #expect(documents.allSatisfy { !sections($0).contains { $0.heading.isEmpty } })
    #expect(summary.sectionsDropped == 16)
  }

  @Test func setsSmallerThanTheMinimumKeepEverything() throws {
    let pages = Dictionary(uniqueKeysWithValues: (1...4).map { ("p\($0).html", page($0)) })
    let (documents, summary, _) = try filtered(pages)
    #expect(summary.furnitureLines == 0)
    #expect(summary.documentsChanged == 0)
    #expect(documents.allSatisfy { text($0).contains("Licensed under the Apache License") })
  }

  @Test func textAndDocBookInputsAreFilteredToo() throws {
    var pages: [String: String] = [:]
    for number in 1...6 {
      pages["note\(number).txt"] = """
        Note \(number) is about the \(Self.names[number]) harbour crane and its cables.

        Copyright 2024 The Harbour Board, all rights reserved.
        """
      pages["chapter\(number).xml"] = """
        <?xml version="1.0"?>
        <article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Chapter \(number)</title>
        <section><title>Cranes \(number)</title><para>Crane \(Self.names[number]) lifts containers.</para>
        <para>Generated by the docs toolchain on 2024-01-0\(number).</para></section></article>
        """
    }
    let (documents, summary, _) = try filtered(pages)
    #expect(documents.count == 12)
    #expect(documents.allSatisfy { !text($0).contains("all rights reserved") && !text($0).contains("Generated by the docs") })
    #expect(documents.contains { text($0).contains("the charlie harbour crane and its cables") })
    #expect(documents.contains { text($0).contains("Crane delta lifts containers.") })
    #expect(documents.contains { $0["format"]?.stringValue == "docbook" })
    #expect(summary.documentsChanged == 12)
  }

  @Test func tablesKeepTheirHeaderAndSeparator() {
    let furniture: Set<String> = ["| Prev | Up | Next |", "| Name | Meaning | Default |", "| Last edited by the team |"]
    let filter = FurnitureText { furniture.contains(String($0)) }
    // A table of furniture goes whole.
    let navigation = filter.filter("Intro text.\n\n| Prev | Up | Next |\n|---|---|---|\n\nBody text.")
    #expect(navigation?.text == "Intro text.\n\nBody text.")
    // A repeated header row stays when the rows differ; a furniture body row goes.
    let table = "| Name | Meaning | Default |\n| --- | --- | --- |\n| size | the size | 3 |\n| Last edited by the team |"
    let kept = filter.filter(table)
    #expect(kept?.text == "| Name | Meaning | Default |\n| --- | --- | --- |\n| size | the size | 3 |")
    #expect(kept?.removed == 1)
  }

  @Test func codeFencesAndHeadingsAreNeverFurnitureLines() {
    let filter = FurnitureText { $0.contains("repeated line here") }
    let text = "# repeated line here\n\nIntro.\n\n```\nrepeated line here\n```\n\n- repeated line here\n- kept item"
    let result = filter.filter(text)
    #expect(result?.text == "# repeated line here\n\nIntro.\n\n```\nrepeated line here\n```\n\n- kept item")
    #expect(FurnitureText.candidateLines(text).map(String.init) == ["Intro.", "- repeated line here", "- kept item"])
    #expect(filter.filter("nothing to remove") == nil)
  }

  @Test func lineKeysFoldFramingCaseSpacingAndDigits() {
    func key(_ line: String) -> UInt64? { FurnitureLineKey.key(Substring(line), minimumWords: 3) }
    #expect(key("| Last updated 2024-05-31 00:35:55 UTC |") == key("last   updated 2025-10-07 12:00:01 utc"))
    #expect(key("## Previous topic and next") == key("- **Previous topic and next**"))
    #expect(key("« previous | up | next »") == key("previous | up | next"))
    #expect(key("Page 12 of the guide") != key("Part 12 of the guide"))
    #expect(key("Available in version 2.3.13 and later") != key("Available in version 2.4.2 and later"))
    #expect(key("See Section E.12 for more") == key("See Section E.7 for more"))
    #expect(key("See also") == nil)
    #expect(key("| --- | --- |") == nil)
    #expect(key("Überblick über die Änderungen") == key("ÜBERBLICK ÜBER DIE ÄNDERUNGEN"))
  }

  @Test func descriptionAndQuestionAnswersAreFilteredAndOtherFieldsKept() throws {
    let folder = try ScratchFolder()
    var lines: [String] = []
    for number in 1...6 {
      var metadata = JSONObject()
      metadata.append("description", "The official documentation of the Widget project.")
      metadata.append("url", .string("https://example.org/\(number)"))
      metadata.append(
        "qa",
        .array([
          [
            "question": .string("What is widget \(number)?"),
            "answer": .string("A \(Self.names[number]) widget.\nReport bugs on the project tracker please"),
          ],
          ["question": "Where is help?", "answer": "Report bugs on the project tracker please"],
        ]))
      let body = "Widget \(Self.names[number]) is small and blue.\n\nReport bugs on the project tracker please"
      let document = Document(
        id: "d\(number)", source: "d\(number).html", format: "html", title: "Widget \(number)",
        text: body, sections: [Document.Section(heading: "", level: 0, text: body)],
        metadata: metadata)
      var object = try #require(document.jsonValue.objectValue)
      object.append("extra", "kept as is")
      lines.append(JSONWriter().string(of: .object(object)))
    }
    let input = try folder.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
    let output = folder.path("out.jsonl")
    let summary = try SiteFurnitureFilter().run(input: input, output: output)
    let documents = try records(output)
    #expect(documents.count == 6)
    for document in documents {
      #expect(text(document).hasSuffix("is small and blue."))
      #expect(document["metadata"]?["description"] == nil)
      #expect(document["metadata"]?["url"]?.stringValue?.hasPrefix("https://example.org/") == true)
      let pairs = document["metadata"]?["qa"]?.arrayValue ?? []
      #expect(pairs.count == 1)
      #expect(pairs.first?["answer"]?.stringValue?.hasSuffix(" widget.") == true)
      #expect(document["extra"]?.stringValue == "kept as is")
    }
    #expect(summary.linesRemoved == 6)
  }

  @Test func documentsOfOnlyFurnitureAreDroppedAndOutputIsDeterministic() throws {
    var pages = eightPages
    for number in 1...3 {
      pages["empty\(number).txt"] = "Licensed under the Apache License, Version 2.0.\n"
    }
    let (documents, summary, folder) = try filtered(pages)
    #expect(documents.count == 8)
    #expect(summary.documentsDropped == 3)
    #expect(summary.documents == 11)
    let first = try String(contentsOfFile: folder.path("documents.jsonl"), encoding: .utf8)
    // The file pass over the unfiltered documents gives the same bytes, and leaves no spool behind.
    let plain = folder.path("plain.jsonl")
    let writer = try JSONLWriter(path: plain)
    _ = try ExtractionRun(paths: [folder.path("site")], jobs: 3).run(writer: writer)
    try writer.finish()
    let again = folder.path("again.jsonl")
    _ = try SiteFurnitureFilter().run(input: plain, output: again)
    #expect(try String(contentsOfFile: again, encoding: .utf8) == first)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func badInputNamesTheLine() throws {
    let folder = try ScratchFolder()
    let input = try folder.write("docs.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\nnot json\n")
    let output = folder.path("out.jsonl")
    #expect {
      try SiteFurnitureFilter().run(input: input, output: output)
    } throws: { error in
      (error as? InputError)?.errorDescription?.contains("\(input):2") == true
    }
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func thresholdIsTheLargerOfTheFloorAndTheShare() {
    let options = SiteFurnitureFilter.Options()
    #expect(options.threshold(documents: 10) == 5)
    #expect(options.threshold(documents: 1000) == 5)
    #expect(options.threshold(documents: 1001) == 6)
    #expect(options.threshold(documents: 100_000) == 500)
  }
}

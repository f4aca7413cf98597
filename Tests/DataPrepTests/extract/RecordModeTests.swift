import Foundation
import Testing

@testable import DataPrep

@Suite struct RecordModeTests {
  static let posts = """
    <?xml version="1.0" encoding="utf-8"?>
    <posts>
      <row Id="1" PostTypeId="1" AcceptedAnswerId="2" Title="Why?" Body="&lt;p&gt;Question &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;" />
      <row Id="2" PostTypeId="2" ParentId="1" Body="&lt;p&gt;Because.&lt;/p&gt;" />
      <row Id="3" PostTypeId="1" Title="Plain" Body="no markup here" />
    </posts>
    """

  private func records(_ xpath: String, _ fields: [(String, String)]) throws -> [Document] {
    try xmlDocuments(
      Self.posts, options: ExtractOptions(recordXPath: xpath, fields: fields.map { (name: $0.0, xpath: $0.1) }),
      name: "Posts.xml")
  }

  @Test func eachRecordIsADocumentWithFields() throws {
    let documents = try records("//row", [("title", "@Title"), ("body", "@Body"), ("id", "@Id"), ("parent", "@ParentId")])
    #expect(documents.count == 3)
    #expect(documents.map(\.source) == ["Posts.xml#0", "Posts.xml#1", "Posts.xml#2"])
    #expect(documents.allSatisfy { $0.format == "record" })
    #expect(documents[0].title == "Why?")
    #expect(documents[0].metadata["record_index"] == .integer(0))
    guard case .object(let fields)? = documents[1].metadata["fields"] else {
      Issue.record("no fields")
      return
    }
    #expect(fields["id"] == .string("2"))
    #expect(fields["parent"] == .string("1"))
    #expect(fields["title"] == nil)
    #expect(documents[2].text == "no markup here")
  }

  @Test func htmlInAnAttributeIsExtracted() throws {
    let documents = try records("//row", [("body", "@Body")])
    #expect(EmbeddedHTML.looksLikeHTML("<p>Question <b>text</b></p>"))
    #expect(!EmbeddedHTML.looksLikeHTML("a < b and c > d"))
    #expect(documents[0].text == "Question text")
    #expect(documents[1].text == "Because.")
    guard case .object(let fields)? = documents[0].metadata["fields"] else {
      Issue.record("no fields")
      return
    }
    #expect(fields["body"] == .string("Question text"))
  }

  @Test func predicateSelectsRecords() throws {
    let documents = try records("//row[@PostTypeId='1']", [("title", "@Title")])
    #expect(documents.map(\.title) == ["Why?", "Plain"])
    #expect(documents.map(\.source) == ["Posts.xml#0", "Posts.xml#1"])
  }

  @Test func anchoredPathSelectsRecords() throws {
    #expect(try records("/posts/row", [("id", "@Id")]).count == 3)
    #expect(try records("/row", [("id", "@Id")]).isEmpty)
    #expect(try records("//posts/row", [("id", "@Id")]).count == 3)
  }

  @Test func withoutTextFieldAllFieldsAreJoined() throws {
    let documents = try records("//row", [("id", "@Id"), ("kind", "@PostTypeId")])
    #expect(documents[0].text == "1\n\n1")
  }

  @Test func elementFieldsAndNamespaces() throws {
    let xml = """
      <export xmlns:dc="http://purl.org/dc/elements/1.1/"><entry><dc:title>T1</dc:title><tags><t>a</t><t>b</t></tags></entry></export>
      """
    let options = ExtractOptions(recordXPath: "//entry", fields: [("title", "dc:title"), ("tags", "tags/t"), ("count", "count(tags/t)")])
    let documents = try xmlDocuments(xml, options: options)
    #expect(documents.first?.title == "T1")
    guard case .object(let fields)? = documents.first?.metadata["fields"] else {
      Issue.record("no fields")
      return
    }
    #expect(fields["tags"] == .string("a\nb"))
    #expect(fields["count"] == .string("2"))
  }

  @Test func gzipExportsStreamAndTruncationIsAnError() throws {
    let folder = try ScratchFolder()
    let gz = ExtractionRunTests.gzip(Array(Self.posts.utf8))
    let good = try folder.write("Posts.xml.gz", gz)
    let cut = try folder.write("Cut.xml.gz", Array(gz.prefix(gz.count - 40)))
    let options = ExtractOptions(recordXPath: "//row", fields: [("id", "@Id")])
    let (documents, failures, _) = try collect(ExtractionRun(paths: [good, cut], options: options))
    #expect(documents.filter { $0.source.hasPrefix(good) }.count == 3)
    #expect(failures.count == 1)
    #expect(failures.first?.hasPrefix(cut) == true)
  }

  @Test func parallelConversionKeepsRecordOrder() throws {
    let folder = try ScratchFolder()
    let rows = (0..<1300).map { "<row Id=\"\($0)\" Body=\"&lt;p&gt;Post \($0) &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;\"/>" }
    let path = try folder.write("Big.xml", "<posts>" + rows.joined(separator: "\n") + "</posts>")
    let options = ExtractOptions(recordXPath: "//row", fields: [("id", "@Id"), ("body", "@Body")])
    let one = try collect(ExtractionRun(paths: [path], options: options, jobs: 1)).documents
    let four = try collect(ExtractionRun(paths: [path], options: options, jobs: 4)).documents
    #expect(one.count == 1300)
    #expect(one == four)
    #expect(four[1299].text == "Post 1299 bold")
    #expect(four.map(\.source) == (0..<1300).map { "\(path)#\($0)" })
  }

  @Test func recordPathSubset() throws {
    let path = try RecordPath("//row[@A='x]y']")
    #expect(path.steps == ["row"])
    #expect(path.predicate == "@A='x]y'")
    #expect(!path.anchored)
    #expect(try RecordPath("/a/b").anchored)
    #expect(throws: ExtractError.self) { try RecordPath("/a//b") }
    #expect(throws: ExtractError.self) { try RecordPath("//a/@b") }
    #expect(throws: ExtractError.self) { try RecordPath("//a[]") }
  }

  @Test func badFieldXPathIsRefused() {
    let run = ExtractionRun(paths: [], options: ExtractOptions(recordXPath: "//row", fields: [("x", "@@")]))
    #expect(throws: ExtractError.badFieldXPath(name: "x", xpath: "@@", reason: "Invalid expression")) {
      try run.validateOptions()
    }
  }
}

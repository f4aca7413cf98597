import Testing

@testable import DataPrep

/// Links whose whole text is one bracketed word (`[source]`, `[edit]`) never reach the text;
/// bracketed numbers, phrases and plain words stay.
@Suite struct HTMLActionLinkTests {
  private func extract(_ body: String) throws -> Document {
    let html = "<html><head><title>Doc</title></head><body>\(body)</body></html>"
    return try HTMLExtractor(contentScope: .wholePage).document(from: Array(html.utf8), source: "p.html")
  }

  @Test func sphinxSourceLinksLeaveTheSignature() throws {
    let document = try extract(
      """
      <dl class="py method"><dt class="sig sig-object py" id="Model.from_db">
      <em class="property">classmethod </em><span class="sig-prename descclassname">Model.</span><span class="sig-name descname">from_db</span>(<em>db</em>)<a class="reference internal" href="../_modules/m.html#Model.from_db"><span class="viewcode-link"><span class="pre">[source]</span></span></a></dt>
      <dd><p>Customizes loading.</p></dd></dl>
      """)
    #expect(!document.text.contains("[source]"))
    #expect(document.text.contains("(db)"))
    #expect(document.text.contains("Customizes loading."))
  }

  @Test func bracketedWordsOfAnyScriptAndSpacesCount() throws {
    let document = try extract(
      #"<p>Kept text.<a href="/e"> [ edit ] </a> <a href="/b">[bearbeiten]</a> <a href="/d">[docs]</a></p>"#)
    #expect(document.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Kept text.")
  }

  @Test func numbersPhrasesAndLongLabelsStay() throws {
    let document = try extract(
      ##"<p>See <a href="#f1">[1]</a>, <a href="/x">[see below]</a>, <a href="/y">[configuration-file]</a>, <a href="/z">[abcdefghijklmn]</a> and <a href="/w">source</a>.</p>"##)
    for kept in ["[1]", "[see below]", "[configuration-file]", "[abcdefghijklmn]", "source"] {
      #expect(document.text.contains(kept), "\(kept)")
    }
  }
}

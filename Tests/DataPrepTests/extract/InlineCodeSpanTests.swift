import Testing

@testable import DataPrep

/// Inline code in the Markdown text of HTML pages: one backtick span per piece of code, even when
/// the page writes it as several `<code>` elements in a row (Sphinx signatures, DocBook options).
@Suite struct InlineCodeSpanTests {
  private func text(_ body: String, _ content: HTMLContentOptions = HTMLContentOptions()) throws -> String {
    try HTMLExtractor(content: content).document(from: Array("<html><body>\(body)</body></html>".utf8), source: "page.html").text
  }

  /// A Sphinx signature as `<dt class="sig">` writes it: class prefix and name in two `<code>`.
  private let signature = """
    <dl class="py method"><dt class="sig sig-object py" id="CursorWrapper.callproc">\
    <code class="sig-prename descclassname"><span class="pre">CursorWrapper.</span></code>\
    <code class="sig-name descname"><span class="pre">callproc</span></code>(<em><span class="n">\
    <span class="pre">procname</span></span></em>)<a class="headerlink" href="#x">¶</a></dt>
    <dd><p>Calls a database stored procedure with the given name.</p></dd></dl>
    """

  @Test func aSphinxSignatureIsOneCodeSpan() throws {
    let out = try text(signature)
    #expect(out.contains("`CursorWrapper.callproc`(procname)"), "\(out)")
    #expect(!out.contains("``"), "\(out)")
  }

  @Test func adjacentCodeElementsJoinButSpacedOrSeparatedOnesDoNot() throws {
    #expect(try text("<p>Set <code>=</code><code>value</code> or <code>|</code><code>command</code> now.</p>") == "Set `=value` or `|command` now.")
    #expect(try text("<p>Use <code>a</code> <code>b</code> here.</p>") == "Use `a` `b` here.")
    #expect(try text("<p>A map of <code>name</code>:<code>member</code> items.</p>") == "A map of `name`:`member` items.")
    #expect(try text("<p>Three: <code>a</code><code>b</code><code>c</code>.</p>") == "Three: `abc`.")
  }

  @Test func aJoinedSpanHoldingABacktickTakesDoubleBackticks() throws {
    #expect(try text("<p>Quote <code>x</code><code>`y</code> it.</p>") == "Quote ``x`y`` it.")
    #expect(try text("<p>Quote <code>`y</code><code>x</code> it.</p>") == "Quote ```yx`` it.")
  }

  /// A Sphinx option signature: the spaces are inside the `<code>` elements.
  private let option = """
    <dl class="std option"><dt class="sig sig-object std" id="cmdoption-locale">\
    <code class="sig-name descname"><span class="pre">--locale</span></code>\
    <code class="sig-prename descclassname"> <span class="pre">LOCALE</span></code>\
    <code class="sig-prename descclassname"><span class="pre">,</span> </code>\
    <code class="sig-name descname"><span class="pre">-l</span></code>\
    <code class="sig-prename descclassname"> <span class="pre">LOCALE</span></code></dt>
    <dd><p>Specifies the locale to process.</p></dd></dl>
    """

  @Test func spacesAtTheEdgesOfJoinedElementsStayBetweenTheirCode() throws {
    let out = try text(option)
    #expect(out.hasPrefix("`--locale LOCALE, -l LOCALE`\n"), "\(out)")
    let plain = try text(option, HTMLContentOptions(textFormat: .plain))
    #expect(plain.hasPrefix("--locale LOCALE, -l LOCALE\n"), "\(plain)")
  }

  @Test func plainTextHasNoBackticksToJoin() throws {
    let out = try text(signature, HTMLContentOptions(textFormat: .plain))
    #expect(out.contains("CursorWrapper.callproc(procname)"), "\(out)")
    #expect(!out.contains("`"), "\(out)")
  }

  @Test func aSpanAfterALineBreakOrParagraphStartsAfresh() throws {
    #expect(try text("<p><code>a</code><br><code>b</code></p>") == "`a`\n`b`")
    #expect(try text("<p><code>a</code></p><p><code>b</code></p>") == "`a`\n\n`b`")
  }
}

import Testing

@testable import DataPrep

/// Main-content mode on documentation pages: generator navigation (DocBook XSL's
/// `navheader`/`navfooter` tables) is furniture, the body with its definition lists, tables and
/// code stays.
@Suite struct DocumentationMainContentTests {
  @Test func docBookNavigationTablesAreLeftOutAndTheBodyKept() throws {
    let html = """
      <html><head><title>CREATE WIDGET</title></head><body>
      <div class="navheader"><table width="100%" summary="Navigation header">
      <tr><th colspan="5" align="center">CREATE WIDGET</th></tr>
      <tr><td><a accesskey="p" href="a.html">Prev</a></td><td><a accesskey="u" href="u.html">Up</a></td>
      <th>SQL Commands</th><td><a accesskey="h" href="index.html">Home</a></td><td><a accesskey="n" href="b.html">Next</a></td></tr>
      </table><hr></div>
      <div class="refentry"><h2>CREATE WIDGET</h2>
      <p>CREATE WIDGET — define a new widget that the server winds and stores for later use by every session.</p>
      <h2>Parameters</h2>
      <dl><dt><code>name</code></dt><dd><p>The name of the widget to create, unique within its schema and never reused.</p></dd>
      <dt><code>size</code></dt><dd><p>The size of the widget in turns; the server rounds it up to a whole turn.</p></dd></dl>
      <pre class="programlisting">CREATE WIDGET w SIZE 3;</pre>
      <table><tr><th>Size</th><th>Turns</th></tr><tr><td>small</td><td>3</td></tr><tr><td>large</td><td>9</td></tr></table>
      </div>
      <div class="navfooter"><hr><table width="100%" summary="Navigation footer">
      <tr><td><a href="a.html">Prev</a></td><td><a href="u.html">Up</a></td><td><a href="b.html">Next</a></td></tr>
      </table></div>
      </body></html>
      """
    let document = try HTMLExtractor(contentScope: .mainContent).document(from: Array(html.utf8), source: "w.html")
    #expect(!document.text.contains("Prev"))
    #expect(!document.text.contains("SQL Commands"))
    #expect(document.text.contains("The name of the widget to create"))
    #expect(document.text.contains("CREATE WIDGET w SIZE 3;"))
    #expect(document.text.contains("| small | 3 |"))
  }
}

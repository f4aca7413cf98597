import Testing

@testable import DataPrep

/// A data table that links the names it lists (a Sphinx reference table, Apache's directive
/// summary) is content, however many links it holds; a navigation table is not.
@Suite struct HTMLDataTableMarksTests {
  private static let prose = """
    <h1>GEOS API</h1>
    <p>GEOS stands for Geometry Engine, Open Source: a C++ library ported from the Java Topology Suite, which implements the spatial predicates and operators of the OpenGIS Simple Features for SQL.</p>
    <p>GeoDjango wraps it in a high-level Python interface: geometries are objects, their predicates are methods, and the library is loaded once, when the first geometry is made.</p>
    <p>Geometries can be made from well-known text, well-known binary, GeoJSON or coordinates, and each one knows its spatial reference system when it is given one.</p>
    """

  private func extract(_ body: String) throws -> String {
    let html = "<html><head><title>GEOS API</title></head><body><div role=\"main\">\(Self.prose)\(body)</div></body></html>"
    return try HTMLExtractor(contentScope: .mainContent).document(from: Array(html.utf8), source: "geos.html").text
  }

  private func row(_ name: String, _ value: String) -> String {
    "<tr><td><a class=\"reference internal\" href=\"#\(name)\"><code>\(name)</code></a></td><td>\(value)</td></tr>"
  }

  @Test func aTableOfLinkedNamesBesideTheirValuesIsKept() throws {
    let table = "<table><thead><tr><th>Geometry</th><th>ID</th></tr></thead><tbody>"
      + row("Point", "0") + row("LineString", "1") + row("LinearRing", "2") + row("Polygon", "3") + "</tbody></table>"
    let text = try extract("<dl><dt>geom_typeid</dt><dd><p>Returns the type number:</p>\(table)</dd></dl>")
    #expect(text.contains("| Geometry | ID |"), "\(text)")
    #expect(text.contains("| LinearRing | 2 |"), "\(text)")
  }

  @Test func aCellOfSeveralLinksInADataTableStays() throws {
    // Apache's directive summary: the Module row links every module it names.
    let links = ["event", "worker", "prefork"].map { "<a href=\"\($0).html\">\($0)</a>" }.joined(separator: ", ")
    let table = "<table class=\"directive\"><tr><th>Description:</th><td>Threads per child</td></tr>"
      + "<tr><th>Syntax:</th><td><code>ThreadsPerChild number</code></td></tr>"
      + "<tr><th>Module:</th><td>\(links)</td></tr></table>"
    let text = try extract(table)
    #expect(text.contains("| Module: | event, worker, prefork |"), "\(text)")
  }

  @Test func navigationTablesStillGo() throws {
    // Every cell a link: a grid of links.
    let grid = "<table>" + (1...4).map { n in "<tr>" + (1...3).map { "<td><a href=\"/p\(n)-\($0)\">Page \(n).\($0)</a></td>" }.joined() + "</tr>" }.joined() + "</table>"
    // Two rows: a Prev | Up | Next bar with its titles.
    let bar = "<table><tr><td><a href=\"a.html\">Prev</a></td><td><a href=\"b.html\">Up</a></td><td><a href=\"c.html\">Next</a></td></tr>"
      + "<tr><td>Intro</td><td><a href=\"/\">Home</a></td><td>Usage</td></tr></table>"
    let text = try extract(grid + bar)
    #expect(!text.contains("Page 2.2"), "\(text)")
    #expect(!text.contains("Prev"), "\(text)")
  }

  @Test func marksCoverTheTableAndOnlyIt() throws {
    let html = "<html><body><table><tr><td><a href=\"#a\">a</a></td><td>1</td></tr><tr><td><a href=\"#b\">b</a></td><td>2</td></tr>"
      + "<tr><td><a href=\"#c\">c</a></td><td>3</td></tr></table><p>after</p>"
      + "<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table></body></html>"
    let tree = try HTMLParser().parse(Array(html.utf8)).tree
    let detector = HTMLBoilerplateDetector(tree: tree)
    let tables = (0..<tree.count).filter { tree.isElement($0, named: "table") }
    #expect(tables.count == 3)
    #expect(detector.isInDataTable(tables[0]))
    #expect(detector.isInDataTable(tables[0] + 1))
    #expect(!detector.isInDataTable(tables[1]), "a table holding a table is for layout")
    let paragraph = (0..<tree.count).first { tree.isElement($0, named: "p") }
    #expect(paragraph.map { !detector.isInDataTable($0) } == true)
  }
}

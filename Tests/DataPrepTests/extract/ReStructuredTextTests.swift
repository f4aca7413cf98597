import Testing

@testable import DataPrep

/// reStructuredText sources (Sphinx's `_sources/*.rst.txt`, `.rst` files) read as documents with
/// sections, fenced code and plain inline text, not as directive lines.
@Suite struct ReStructuredTextTests {
  static let page = """
    .. highlight:: python

    .. _fractions-intro:

    ******************
    Rational numbers
    ******************

    .. module:: fractions
       :synopsis: Rational numbers.

    The :mod:`fractions` module supports :class:`~numbers.Rational` arithmetic, see
    `the manual <https://example.org/manual>`_ and ``Fraction(1, 3)``.

    Construction
    ============

    .. class:: Fraction(numerator=0, denominator=1)
               Fraction(string)

       Makes a fraction.

       .. versionchanged:: 3.2
          Accepts a :class:`float`.

    An example::

       f = Fraction(1, 3)
       print(f)

    .. code-block:: python
       :linenos:

       g = Fraction(2, 3)

    >>> Fraction(1, 2)
    Fraction(1, 2)

    .. index:: single: rational

    .. note::

       Fractions are exact.

    Limits
    ------

    .. toctree::
       :maxdepth: 2

       other
    """

  @Test func sectionsCodeAndTextComeOutAsMarkdown() {
    let text = ReStructuredText.markdown(Self.page)
    #expect(text.hasPrefix("# Rational numbers\n"))
    #expect(text.contains("\n## Construction\n"))
    #expect(text.contains("\n### Limits"))  // `-` is the third title style to appear
    #expect(text.contains("The `fractions` module supports `Rational` arithmetic, see\nthe manual and `Fraction(1, 3)`."))
    #expect(text.contains("`Fraction(numerator=0, denominator=1)`\n`Fraction(string)`\n\nMakes a fraction."))
    #expect(text.contains("Changed in version 3.2.\nAccepts a `float`."))
    #expect(text.contains("An example:\n\n```\nf = Fraction(1, 3)\nprint(f)\n```"))
    #expect(text.contains("```python\ng = Fraction(2, 3)\n```"))
    #expect(text.contains("```pycon\n>>> Fraction(1, 2)\nFraction(1, 2)\n```"))
    #expect(text.contains("Note:\n\nFractions are exact."))
    for machinery in ["highlight", "_fractions-intro", "module::", "synopsis", "index::", "toctree", "maxdepth", "linenos", "***"] {
      #expect(!text.contains(machinery), "\(machinery) reached the text")
    }
  }

  @Test func rstFilesBecomeDocumentsWithSections() throws {
    let document = try TextExtractor().document(from: Array(Self.page.utf8), markdown: false, source: "_sources/fractions.rst.txt")
    #expect(document.format == "restructuredtext")
    #expect(document.title == "Rational numbers")
    #expect(document.sections.map(\.heading) == ["Rational numbers", "Construction", "Limits"])
  }

  @Test func aColonBetweenLiteralsIsTextNotARole() {
    #expect(ReStructuredText.inline("a mapping of ``member_name``:``member`` items") == "a mapping of `member_name`:`member` items")
    #expect(ReStructuredText.inline(":``x``") == ":`x`")
    #expect(ReStructuredText.inline("see :func:`len` and :py:meth:`~a.b.c`") == "see `len` and `c`")
  }

  @Test func plainTextWithoutDirectivesStaysText() throws {
    let text = "Notes\n=====\n\nJust a plain text file.\n"
    #expect(!ReStructuredText.applies(path: "notes.txt", text: text))
    #expect(ReStructuredText.applies(path: "notes.rst", text: text))
    #expect(ReStructuredText.applies(path: "x.txt", text: ".. note:: a\n\n.. warning:: b\n"))
    let document = try TextExtractor().document(from: Array(text.utf8), markdown: false, source: "notes.txt")
    #expect(document.format == "text")
  }
}

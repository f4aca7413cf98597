import Testing

@testable import DataPrep

@Suite struct FunctionWordVoteTests {
  func vote(_ a: String, _ b: String, _ text: String) -> String? {
    FunctionWordVote.winner(a, b, prose: Array(text.utf8)[...])
  }

  @Test func closedClassWordsTellSpanishFromGalician() {
    #expect(vote("es", "gl", "Desde la versión 2 el servidor lee la lista de usuarios y la guarda.") == "es")
    #expect(vote("es", "gl", "As columnas non están ocultas na pantalla nin na impresión.") == "gl")
    // The order of the pair does not matter.
    #expect(vote("gl", "es", "As columnas non están ocultas na pantalla nin na impresión.") == "gl")
  }

  @Test func closedClassWordsTellPortugueseFromGalician() {
    #expect(vote("pt", "gl", "O programa não encontrou uma configuração com esse nome.") == "pt")
    #expect(vote("pt", "gl", "O programa non atopou unha configuración con ese nome.") == "gl")
  }

  @Test func wordsBothLanguagesWriteDoNotCount() {
    // Galician `o` and `dos` are Spanish "or" and "two"; `de`, `que`, `a` are both languages'.
    #expect(vote("es", "gl", "Lista de dos o tres nombres que se pasan a o de otro programa.") == nil)
  }

  @Test func theWinnerNeedsTwoWordsAndTwiceTheOthersCount() {
    #expect(vote("es", "gl", "Abre la ventana.") == nil)  // one Spanish word
    #expect(vote("es", "gl", "Abre la ventana y non la cierres.") == "es")  // 3 against 1
    #expect(vote("es", "gl", "Abre la ventana y non na pantalla.") == nil)  // 2 against 2
  }

  @Test func wordsAreLowercasedAndCutAtPunctuation() {
    #expect(vote("es", "gl", "«Tamén» NON (MÁIS).") == "gl")
    #expect(vote("es", "gl", "LA lista, Y los nombres.") == "es")
  }

  @Test func pairsWithoutListsAreNotVotedOn() {
    #expect(FunctionWordVote.canVote("es", "gl"))
    #expect(FunctionWordVote.canVote("gl", "pt"))
    #expect(!FunctionWordVote.canVote("es", "pt"))
    #expect(!FunctionWordVote.canVote("da", "no"))
    #expect(vote("da", "no", "og det er ikke en fil") == nil)
  }

  @Test func aSpanishParagraphCLD2ReadsAsGalicianIsSpanish() {
    // CLD2 answers Galician ("desde" twice) and hinted Spanish scores lower, so the score rule
    // alone keeps Galician; the Spanish articles and conjunctions decide.
    let spanish = "Desde la versión 2 el servidor lee la lista de usuarios desde el fichero y la guarda en la memoria."
    let prose = ProseSample(spanish).bytes[...]
    let verdict = CLD2Detector.detect(prose)
    #expect(verdict.language == "gl")
    #expect(CLD2Detector.detect(prose, hint: "es").normalizedScore < verdict.normalizedScore)
    #expect(LanguageIdentifier().identify(spanish).language == "es")
  }

  @Test func aGalicianParagraphCLD2ReadsAsSpanishIsGalician() {
    let galician = "Seleccione esta opción para ocultar as columnas na impresión. As columnas non están ocultas na pantalla."
    #expect(CLD2Detector.detect(ProseSample(galician).bytes[...]).language == "es")
    #expect(CloseLanguages.rareRelatives(of: "es") == ["gl"])
    #expect(CloseLanguages.rareRelatives(of: "gl").isEmpty)
    let guess = LanguageIdentifier().identify(galician)
    #expect(guess.language == "gl")
    #expect(guess.score > 0.9)
  }
}

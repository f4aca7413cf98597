import Foundation
import Testing

@testable import DataPrep

/// The pipeline's language identifier: one paragraph in each of ten languages (written for these
/// tests), too little text, code, documentation mixing code and prose, and hostile sizes.
@Suite struct LanguageIdentifierTests {
  private let identifier = LanguageIdentifier()

  static let paragraphs: [(String, String)] = [
    ("en", "The backup job runs every night after the last user has logged out. It copies the changed files to the second disk, checks that each copy can be read back, and sends a short report to the administrators in the morning."),
    ("de", "Die Sicherung läuft jede Nacht, nachdem sich der letzte Benutzer abgemeldet hat. Sie kopiert die geänderten Dateien auf die zweite Festplatte, prüft, ob sich jede Kopie wieder lesen lässt, und schickt morgens einen kurzen Bericht an die Verwalter."),
    ("fr", "La sauvegarde s'exécute chaque nuit, une fois que le dernier utilisateur s'est déconnecté. Elle copie les fichiers modifiés sur le second disque, vérifie que chaque copie peut être relue et envoie un court rapport aux administrateurs le matin."),
    ("es", "La copia de seguridad se ejecuta cada noche, después de que el último usuario haya cerrado la sesión. Copia los archivos modificados al segundo disco, comprueba que cada copia se puede volver a leer y envía un breve informe a los administradores por la mañana."),
    ("it", "Il backup viene eseguito ogni notte, dopo che l'ultimo utente si è disconnesso. Copia i file modificati sul secondo disco, controlla che ogni copia possa essere riletta e la mattina invia un breve rapporto agli amministratori."),
    ("nl", "De back-up draait elke nacht nadat de laatste gebruiker zich heeft afgemeld. Hij kopieert de gewijzigde bestanden naar de tweede schijf, controleert of elke kopie weer gelezen kan worden en stuurt 's ochtends een kort verslag naar de beheerders."),
    ("pl", "Kopia zapasowa jest wykonywana każdej nocy, gdy ostatni użytkownik się wyloguje. Kopiuje zmienione pliki na drugi dysk, sprawdza, czy każdą kopię da się ponownie odczytać, i rano wysyła krótki raport do administratorów."),
    ("pt", "A cópia de segurança é executada todas as noites, depois que o último usuário encerra a sessão. Ela copia os arquivos alterados para o segundo disco, verifica se cada cópia pode ser lida novamente e envia um breve relatório aos administradores pela manhã."),
    ("ru", "Резервное копирование запускается каждую ночь, после того как последний пользователь вышел из системы. Оно копирует изменённые файлы на второй диск, проверяет, что каждую копию можно прочитать, и утром отправляет администраторам короткий отчёт."),
    ("ja", "バックアップは毎晩、最後のユーザーがログアウトした後に実行されます。変更されたファイルを二台目のディスクにコピーし、それぞれのコピーを読み戻せるか確認して、朝に管理者へ短い報告を送ります。"),
  ]

  @Test(arguments: paragraphs)
  func aParagraphIsIdentifiedWithAHighScore(language: String, text: String) {
    let guess = identifier.identify(text)
    #expect(guess.language == language)
    #expect(guess.score >= 0.9 && guess.score <= 1, "score \(guess.score)")
  }

  @Test func emptyAndBlankTextAreUnknown() {
    #expect(identifier.identify("") == LanguageIdentifier.Guess(language: "und", score: 0))
    #expect(identifier.identify(" \n\t\n  ") == LanguageIdentifier.Guess(language: "und", score: 0))
  }

  @Test func aShortTextIsUnknown() {
    #expect(identifier.identify("Hallo Welt") == LanguageIdentifier.Guess(language: "und", score: 0))
    #expect(identifier.identify("See also: 3.2") == LanguageIdentifier.Guess(language: "und", score: 0))
  }

  @Test func theMinimumIsCountedInLetterBytes() {
    // Seven kana and ideographs (21 bytes) are a sentence; ten Latin letters are not enough.
    #expect(identifier.identify("値を確認します。").language == "ja")
    #expect(identifier.identify("Hallo Welt").language == "und")
    #expect(ProseSample("値を確認します。").letterBytes == 21)
    #expect(ProseSample("Hallo Welt, café").letterBytes == 14)
  }

  @Test func digitsAndPunctuationAreUnknown() {
    #expect(identifier.identify("1234 5678 -- 90.12, (34) [56] 789!").language == "und")
  }

  @Test func codeAloneIsUnknown() {
    let fenced = """
      ```swift
      let identifier = LanguageIdentifier()
      for line in lines { print(identifier.identify(line)) }
      ```
      """
    #expect(identifier.identify(fenced) == LanguageIdentifier.Guess(language: "und", score: 0))
    let unfenced = "int main(int argc, char **argv) { return run_all_tests(argv[1], &config); }\nobj.setValue(x_y);"
    #expect(identifier.identify(unfenced) == LanguageIdentifier.Guess(language: "und", score: 0))
  }

  @Test func documentationIsIdentifiedByItsProseNotItsCode() {
    let german = """
      Um die Konfiguration neu zu laden, ruft man `systemctl reload nginx.service` auf. Der Dienst \
      liest dann die Datei `/etc/nginx/nginx.conf` erneut ein, ohne bestehende Verbindungen zu trennen.

      ```sh
      sudo systemctl reload nginx.service && curl -fsS http://localhost/healthz || echo "reload failed"
      for host in web1 web2 web3; do ssh "$host" 'sudo nginx -t && sudo systemctl reload nginx'; done
      ```
      Danach sollte der Befehl getStatus() keine Fehler mehr melden.
      """
    let guess = identifier.identify(german)
    #expect(guess.language == "de")
    #expect(guess.score >= 0.65, "score \(guess.score)")
    let french = "Pour lancer le serveur, utilisez server.start(port=8080) puis vérifiez avec curl_check --verbose que la page d'accueil répond bien avant de continuer la procédure."
    #expect(identifier.identify(french).language == "fr")
    // Unspaced scripts: one path beside a long sentence (one token) does not make the line code.
    let japanese = "追加のドライバはそれに対応するモジュールが /etc/modules にリストされている場合に起動時に読み込まれます。"
    #expect(identifier.identify(japanese).language == "ja")
    let glued = "ユーザはバグに遭遇すると報告します。メンテナは修正済みバージョンを用意し、ftp-master.debian.org サーバにアップロードします。"
    #expect(identifier.identify(glued).language == "ja")
    let sample = ProseSample("用意し、ftp.example.org にアップロード")
    #expect(String(decoding: sample.bytes, as: UTF8.self) == "用意し、 にアップロード \n")
  }

  @Test func aCodeLineKeepsItsSentenceFragmentOfFourWordsOrMore() {
    // A list of options is a code line; the sentence introducing it stays, the options go.
    let list = "Les options suivantes ne sont pas prises en charge : --recursive, --exclude-from=FILE, --include=GLOB, --line-buffered, --null-data"
    #expect(String(decoding: ProseSample(list).bytes, as: UTF8.self) == "Les options suivantes ne sont pas prises en charge : \n")
    // Three words in a row are not a fragment: the whole code line goes.
    #expect(ProseSample("for i in range(n): total += values[i] * weights[i]").bytes.isEmpty)
    // A line ending in a brace is code whatever its words.
    #expect(ProseSample("if the value is not empty and ready {").bytes.isEmpty)
  }

  @Test func aParagraphBorrowingEnglishTermsIsJudgedByItsSentences() {
    // CLD2 alone calls this English (the product name outweighs the sentence in one chunk), with
    // a normalized score far below ordinary English prose: the pieces say Spanish.
    let text = "Open Source Print Server gestiona las colas de impresión de todas las impresoras conectadas a la red de la empresa."
    let prose = ProseSample(text)
    let whole = CLD2Detector.detect(prose.bytes[...])
    #expect(whole.language == "en" && EnglishBoilerplate.applies(to: whole), "\(whole)")
    let guess = identifier.identify(text)
    #expect(guess.language == "es")
    #expect(guess.score > 0 && guess.score <= 1, "score \(guess.score)")
  }

  @Test func englishProseIsNotJudgedAgain() {
    // Ordinary English scores well above the threshold, names and all.
    for text in [
      Self.paragraphs[0].1,
      "Since its inception, the project has been led by Ian Murdock, Bruce Perens, Ian Jackson and Wichert Akkerman, each elected by the developers for a term of one year.",
    ] {
      let verdict = CLD2Detector.detect(ProseSample(text).bytes[...])
      #expect(verdict.language == "en")
      #expect(!EnglishBoilerplate.applies(to: verdict), "\(verdict)")
      #expect(identifier.identify(text).language == "en")
    }
  }

  @Test func englishBoilerplateCutsProseIntoPiecesOfEightWords() {
    let prose = Array("one two three four five six seven eight\nnine ten  eleven twelve thirteen fourteen fifteen sixteen seventeen \n".utf8)
    let pieces = EnglishBoilerplate.pieces(prose).map { String(decoding: prose[$0], as: UTF8.self) }
    #expect(pieces == ["one two three four five six seven eight", "nine ten  eleven twelve thirteen fourteen fifteen sixteen", "seventeen \n"])
    #expect(EnglishBoilerplate.pieces([]).isEmpty)
    #expect(EnglishBoilerplate.pieces(Array("  \n ".utf8)).isEmpty)
    // Nothing reliable to count: no second opinion.
    #expect(EnglishBoilerplate.rejudge(Array("x y z".utf8)) == nil)
  }

  @Test func aJapaneseLineWithACodeNameKeepsItsSentence() {
    // Code bytes are weighed against letter bytes: seven kana and kanji (21 bytes) are not
    // outweighed by one 25-byte name, though 25 is more than twice their 7 letters.
    let sample = ProseSample("値を確認します dh_autoreconf_clean_files")
    #expect(String(decoding: sample.bytes, as: UTF8.self) == "値を確認します \n")
    #expect(sample.letters == 7)
    // Twice as many code bytes as letter bytes still makes a code line.
    #expect(ProseSample("値です dh_autoreconf_clean_files").bytes.isEmpty)
  }

  @Test func aRareCloseRelativeMustReadBetterThanTheCommonOne() {
    #expect(CloseLanguages.commonRelatives(of: "gl") == ["es", "pt"])
    #expect(CloseLanguages.commonRelatives(of: "nn") == ["da", "no"])
    #expect(CloseLanguages.commonRelatives(of: "es").isEmpty)
    #expect(CloseLanguages.commonRelatives(of: "xh").isEmpty)
    #expect(CloseLanguages.commonRelatives(of: "de").isEmpty)
    // CLD2 alone calls this Spanish sentence Galician ("desde"); hinted Spanish scores better.
    let spanish = "El programa lee la configuración desde el fichero indicado y muestra un aviso si falta alguna opción."
    #expect(CLD2Detector.detect(ProseSample(spanish).bytes[...]).language == "gl")
    #expect(identifier.identify(spanish).language == "es")
    // Galician that reads as Galician stays Galician.
    let galician = "O programa le a configuración dende o ficheiro indicado e amosa un aviso se falta algunha opción."
    #expect(identifier.identify(galician).language == "gl")
    #expect(identifier.identify("Para inserir unha columna, coloque o cursor nunha cela da táboa e prema a tecla que se indica abaixo.").language == "gl")
  }

  @Test func anUnclosedFenceHidesTheRestAndAnUnpairedBacktickIsText() {
    let unclosed = "```\nDies ist ein langer deutscher Satz, der aber in einem Codeblock steht und nicht zählt."
    #expect(identifier.identify(unclosed).language == "und")
    let unpaired = "Il faut ` ouvrir le fichier de configuration et modifier les paramètres du serveur avant de le redémarrer."
    #expect(identifier.identify(unpaired).language == "fr")
  }

  @Test func proseSampleDropsCodeTokensAndKeepsWords() {
    let sample = ProseSample(
      "Use `x = 1` and then call foo_bar(2) in the shell when the service has started, or see https://example.org/a/b for more, café.")
    #expect(String(decoding: sample.bytes, as: UTF8.self) == "Use and then call in the shell when the service has started, or see for more, café. \n")
    #expect(sample.letters == 64)
  }

  @Test func proseSampleDropsCodeLinesWholly() {
    // Twice as many code bytes as prose letters, and a line ending in a brace: their word-like tokens go too.
    let sample = ProseSample("int main(int argc, char **argv) { return run_all_tests(argv[1], &config); }\nif ready then {\nthe words of a sentence stay")
    #expect(String(decoding: sample.bytes, as: UTF8.self) == "the words of a sentence stay \n")
  }

  @Test func scoreMapsPercentAndReliability() {
    // Two languages in one text: the score is the share of the winner, below 1.
    let mixed = Self.paragraphs[0].1 + " " + Self.paragraphs[1].1 + " " + Self.paragraphs[1].1
    let guess = identifier.identify(mixed)
    #expect(guess.language == "de")
    #expect(guess.score > 0.5 && guess.score < 0.9, "score \(guess.score)")
  }

  @Test func cld2CodesBecomeISOCodes() {
    #expect(CLD2Detector.isoCode("iw") == "he")
    #expect(CLD2Detector.isoCode("jw") == "jv")
    #expect(CLD2Detector.isoCode("zh-Hant") == "zh")
    #expect(CLD2Detector.isoCode("un") == "und")
    #expect(CLD2Detector.isoCode("xx-Latn") == "und")
    #expect(CLD2Detector.isoCode("de") == "de")
  }

  @Test func parallelCallsAgreeWithSerialOnes() async {
    let texts = Self.paragraphs.map(\.1)
    let serial = texts.map(identifier.identify)
    let identifier = self.identifier
    let parallel = await withTaskGroup(of: (Int, LanguageIdentifier.Guess).self) { group in
      for round in 0..<8 {
        for (index, text) in texts.enumerated() {
          group.addTask { (round * texts.count + index, identifier.identify(text)) }
        }
      }
      var results = [LanguageIdentifier.Guess?](repeating: nil, count: 8 * texts.count)
      for await (slot, guess) in group { results[slot] = guess }
      return results
    }
    for (slot, guess) in parallel.enumerated() {
      #expect(guess == serial[slot % texts.count])
    }
  }

  @Test func hugeInputStaysLinearAndBounded() {
    let start = Self.threadCPUSeconds()
    // 8 MB of one line of code tokens (all read and dropped), 4 MB of one letter-only token,
    // 8 MB of unclosed backtick runs, and 16 MB of prose (only the first 256 KiB judged).
    #expect(identifier.identify(String(repeating: "foo_bar(x); ", count: 700_000)).language == "und")
    let token = identifier.identify(String(repeating: "a", count: 4_000_000))
    #expect(token.score <= 1)
    #expect(identifier.identify(String(repeating: "`", count: 8_000_001)).language == "und")
    let prose = String(repeating: Self.paragraphs[5].1 + "\n", count: 16_000_000 / Self.paragraphs[5].1.utf8.count)
    #expect(identifier.identify(prose).language == "nl")
    #expect(Self.threadCPUSeconds() - start < 20)
  }

  private static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

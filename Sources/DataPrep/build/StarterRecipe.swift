import Foundation

/// The commented recipe `dataprep init` writes: every key with its default and what it does.
public enum StarterRecipe {
  /// The recipe text, listing `sources` (or a placeholder folder when empty).
  public static func text(sources: [String] = []) -> String {
    let list = (sources.isEmpty ? ["data"] : sources).map { "  - \(quoted($0))" }.joined(separator: "\n")
    return """
      # dataprep.yaml: the recipe of `dataprep build` (see docs/build.md).
      # Run:  dataprep build -o build/dataset            (sources from this file)
      #  or:  dataprep build more/ -o build/dataset      (command-line sources replace these)
      # Flags override the keys below. Re-running into the same folder with the same settings
      # adds new data without moving any existing example (incremental build).

      # Files and folders to read: HTML, XML (JATS, DocBook, TEI, RSS, MediaWiki...), Markdown,
      # text, and .gz of any of them. Folders are walked recursively.
      sources:
      \(list)

      # The fine-tuning format written: openai-chat, prompt-completion, alpaca, sharegpt, text.
      format: openai-chat

      # The instruct tasks (default for chat formats: faq, section-qa, summary, title).
      # tasks: [faq, section-qa, summary, title]

      # Which part of an HTML page becomes text: main-content (navigation, sidebars and
      # footers left out) or whole-page.
      html_content: main-content

      # Lines that recur on many documents of the sources (navigation, footers, licence notes)
      # are learned from the set and removed.
      remove_furniture: true

      # Private data replaced in every document right after extraction, before anything is
      # learned or made from it: kinds of email, ip, phone, card, iban, secret (or all);
      # mode mask (<EMAIL>, <SECRET>), pseudonym (a keyed hash: the key is read from the
      # variable key_env names, never written here) or drop-record. enabled: false turns it off.
      redact:
        kinds: [secret, email, phone]
        mode: mask
        # key_env: DATAPREP_REDACT_KEY

      # Quality filters on each document (dataprep filter's rule sets and settings, see
      # docs/filter.md); off for documentation. Web crawls: [gopher-quality,
      # gopher-repetition, c4, fineweb]; one language: rules: [language] and languages: [en].
      filter:
        rules: []
        # languages: [en]
        # gopher-quality: {min_words: 50}

      # The tokenizer that counts tokens: o200k_base (bundled), cl100k_base, or a file.
      tokenizer: o200k_base

      split:
        ratio: 0.9            # train share; or [0.8, 0.1, 0.1] for train, validation, test
        seed: 0               # the same seed keeps every example on its side
        # group_by: metadata.source_id   # examples of one document stay together

      dedup:
        threshold: 0.8        # Jaccard similarity of near duplicates
        ngram: 5              # words per shingle

      instruct:
        min_chars: 0          # drop examples whose answer is shorter
        max_chars: null       # drop examples longer than this (prompt and answer)
        chunk_tokens: 512     # longest completion chunk

      leakage:
        ngram: 13             # words in a passage shared between splits
        threshold: 0.8        # Jaccard similarity of near-duplicate leaks

      # Any key of a `dataprep validate` config (docs/validate.md) may go here.
      validate:
        max_tokens: 4096      # the longest example; also the line on the report's histograms
        min_group_examples: 10

      """
  }

  private static func quoted(_ path: String) -> String {
    let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }
}

#ifndef CCLD2_H
#define CCLD2_H

/* The one C-callable door to CLD2 (Compact Language Detector 2, Debian's libcld2, Apache-2.0).
   Only Sources/DataPrep/language/CLD2Detector.swift calls it; no CLD2 type or pointer crosses. */

#ifdef __cplusplus
extern "C" {
#endif

/* What CLD2 said about one text. `code` points to a static, NUL-terminated string owned by
   libcld2 (never freed, valid for the life of the process). */
typedef struct {
  const char *code;      /* CLD2's language code of the best language ("un" when unknown) */
  int percent;           /* share 0...100 of the text's letters in that language */
  int reliable;          /* 1 when CLD2 judged the answer reliable */
  int text_bytes;        /* letters-only bytes CLD2 scored */
  int normalized_score;  /* CLD2's score of the best language per 1,024 scored bytes: ordinary prose in
                            a Latin-script language scores about 500 to 1,500, text that only borrows
                            the language's words (terms, names) far less */
} ccld2_result;

/* Detects the language of `length` bytes of UTF-8 plain text at `text` (not kept). With
   `best_effort` nonzero CLD2 names a language even when unsure (kCLDFlagBestEffort); with 0 an
   unsure answer is "un". `hint`, when not NULL, is a CLD2 language code given to CLD2 as the
   content-language hint (a prior for that language, which also suppresses its close relatives).
   Returns 0 on success, -1 when the bytes are not valid UTF-8 (then `result` says unknown).
   Thread-safe: CLD2 keeps no mutable global state. */
int ccld2_detect(const char *text, int length, int best_effort, const char *hint, ccld2_result *result);

#ifdef __cplusplus
}
#endif

#endif

// The only code touching CLD2's C++ API (see include/ccld2.h).
#include "ccld2.h"

// The Debian header uses FILE without including <cstdio>.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" int ccld2_detect(const char *text, int length, int best_effort, const char *hint, ccld2_result *result) {
  CLD2::CLDHints hints = {hint, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
  int percent3[3] = {0, 0, 0};
  double normalized3[3] = {0, 0, 0};
  int textBytes = 0;
  bool reliable = false;
  int validPrefix = 0;
  CLD2::Language best = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      // Best effort: an answer on a short text rather than none; `reliable` still says how sure.
      text, length, /*is_plain_text=*/true, &hints, best_effort ? CLD2::kCLDFlagBestEffort : 0, language3, percent3,
      normalized3,
      /*resultchunkvector=*/nullptr, &textBytes, &reliable, &validPrefix);
  result->code = CLD2::LanguageCode(best);
  result->percent = 0;
  result->normalized_score = 0;
  for (int i = 0; i < 3; i++) {
    if (language3[i] == best) {
      result->percent = percent3[i];
      result->normalized_score = static_cast<int>(normalized3[i]);
      break;
    }
  }
  result->reliable = reliable ? 1 : 0;
  result->text_bytes = textBytes;
  return validPrefix < length ? -1 : 0;
}

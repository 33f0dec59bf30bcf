// Language tags as pages, feeds and mail declare them ("en-US", "de_DE", "pt-BR, en"), made
// into the one form the index keeps: the lower-case primary language subtag ("en", "de",
// "pt"). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns the primary language subtag of declared, lower case, when declared looks like a
// BCP 47 language tag; else "". Rules:
// - only the first of a list counts ("de, en" is "de"; a ";q=" weight is dropped), and "_"
//   separates subtags as "-" does (og:locale writes "pt_BR");
// - the primary subtag is two or three ASCII letters, and every further subtag one to eight
//   ASCII letters or digits; anything else ("{{lang}}", "english", "en--US") gives "";
// - tags that name no language give "": private use ("x-..."), grandfathered "i-...", and
//   "und", "mul", "mis", "zxx";
// - deprecated codes become their current ones ("iw" "he", "in" "id", "ji" "yi", "jw" "jv",
//   "mo" "ro"), and the three-letter ISO 639-2 codes of the most used languages their
//   two-letter codes ("deu" and "ger" "de", "eng" "en"), as BCP 47 asks for the shortest code.
std::string primary_language(std::string_view declared);

}  // namespace newsindex::text

// Elision in French, Italian and Catalan: "l'élection", "d’autres", "qu'il", "dell'anno",
// "l'Ajuntament" write an article, pronoun or preposition as one word with the next. Xapian
// reads a letter, an apostrophe and a letter as one word ("l'elect" after stemming), so
// "élection" would never find "l'élection". Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// True for the languages (primary subtags) whose elisions split_elisions() sets apart:
// "fr", "it", "ca".
bool has_elisions(std::string_view primary_language);

// Returns text with each elided word of primary_language set apart from the word after it:
// the apostrophe (', U+2019 or U+02BC) becomes a space when it follows, at the start of a
// word, one of the language's elided forms (French c d j l m n s t qu jusqu lorsqu puisqu
// quoiqu quelqu presqu; Italian l d c s m t v n un dell dall nell sull all coll quell quest
// bell sant tutt anch; Catalan l d s m t n; any letter case) and comes before a letter or
// digit; the form must start a word (after a space, punctuation or a quote mark). Other
// apostrophes ("aujourd'hui", "O'Brien") and other languages' text are left as they are.
// Linear in the length of text.
std::string split_elisions(std::string_view text, std::string_view primary_language);

}  // namespace newsindex::text

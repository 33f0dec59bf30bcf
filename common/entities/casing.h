// Letter case and word shape for the entity recogniser, from Unicode properties (libutf8proc),
// so that Greek, Cyrillic and Vietnamese capitals count as capitals. Pure functions,
// thread-safe. Invalid UTF-8 bytes count as symbols, never as letters.
#pragma once

#include <string>

namespace newsindex::entities {

// The case of a word's first letter-or-digit: Upper ("Érdi", "Ωmega"), Lower, Digit, or None
// (punctuation, symbols, letters without case such as CJK).
enum class InitialCase { Upper, Lower, Digit, None };
InitialCase initial_case(const std::string& word);

bool starts_upper(const std::string& word);  // initial_case(word) == Upper
bool has_lower_letter(const std::string& word);
bool has_letter(const std::string& word);
// Every cased letter is a capital and there are at least two letters ("NATO", "U.S.").
bool all_capitals(const std::string& word);

// The word in lower case (simple case mapping, code point by code point).
std::string to_lower(const std::string& word);

// "SÃO PAULO" -> "São Paulo", "AL-SISI" -> "Al-Sisi": a capital at the start of each word
// (after a space, hyphen or apostrophe), lower case elsewhere.
std::string to_title_case(const std::string& text);

// Word shape: capitals X, lower case x, digits d, other characters as themselves, runs of the
// same class collapsed to one ("Milley" -> "Xx", "U.S." -> "X.X.", "2023" -> "d",
// "McLaren" -> "XxXx"). At most 12 bytes are kept.
std::string word_shape(const std::string& word);

}  // namespace newsindex::entities

// The words of date lines in English, German, French, Spanish, Italian, Portuguese, Dutch and
// Russian: month and weekday names with their common abbreviations, the labels that may stand
// before a date ("Veröffentlicht:", "Publié le", "Опубликовано") and the small words between
// its parts ("de", "à", "г."). The lookups take words folded by fold_date_text, so one table
// entry serves "Février", "février", "FEVRIER" and "fevrier". No name is read differently in
// two languages ("mar" is March everywhere; the French and Spanish weekday "mar." is therefore
// no weekday here). Pure functions over constant tables; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace newsindex::text {

// Returns text with ASCII, Latin-1 and Cyrillic capitals lowered, the accents of Latin letters
// dropped ("É" and "é" -> "e", "ä" -> "a", "ñ" -> "n", "ç" -> "c", "ß" -> "ss"), "ё" -> "е", and
// no-break, narrow no-break and thin spaces (which French puts before times and after
// numbers) turned into ' '. Every other byte is kept as it is. Linear in the length of text.
std::string fold_date_text(std::string_view text);

// 1..12 for a month name or abbreviation of any of the languages, nominative or genitive
// ("january", "jan", "januar", "janner", "janvier", "janv", "enero", "gennaio", "janeiro",
// "januari", "января", "январь", "янв"), folded, with or without one final dot; else 0.
int month_from_name(std::string_view folded);

// True for a weekday name or abbreviation of any of the languages ("saturday", "sat",
// "samstag", "sa", "samedi", "sabado", "zaterdag", "суббота", "сб"; "feira" of the Portuguese
// "sexta-feira"), folded, with or without one final dot.
bool is_weekday_name(std::string_view folded);

// True for a label or linking word that carries no part of the date ("published", "updated",
// "veroffentlicht", "aktualisiert", "publie", "mis", "a", "jour", "le", "publicado", "de",
// "el", "pubblicato", "il", "gepubliceerd", "op", "опубликовано", "в", "г", "года"), folded,
// with or without one final dot. The German "am" is not here: it is also the English meridiem,
// and dates.cc tells them apart by position.
bool is_date_filler(std::string_view folded);

// True for a word that may follow a clock time ("uhr", "h", "hs", "uur"): "10:05 Uhr",
// "10 Uhr", "10.05 Uhr".
bool is_hour_word(std::string_view folded);

}  // namespace newsindex::text

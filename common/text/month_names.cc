#include "text/month_names.h"

#include <algorithm>
#include <iterator>

namespace newsindex::text {

namespace {

struct MonthName {
    std::string_view name;
    int month;
};

// Folded forms (see fold_date_text), sorted by bytes for binary search; the static_asserts
// below keep them so. English, German (with the Austrian "Jänner"), French, Spanish, Italian,
// Portuguese, Dutch, and Russian nominative and genitive ("январь", "января").
constexpr MonthName kMonths[] = {
    {"abr", 4},       {"abril", 4},      {"ago", 8},        {"agosto", 8},    {"aout", 8},
    {"apr", 4},       {"april", 4},      {"aprile", 4},     {"aug", 8},       {"august", 8},
    {"augustus", 8},  {"avr", 4},        {"avril", 4},      {"dec", 12},      {"december", 12},
    {"decembre", 12}, {"dez", 12},       {"dezember", 12},  {"dezembro", 12}, {"dic", 12},
    {"dicembre", 12}, {"diciembre", 12}, {"ene", 1},        {"enero", 1},     {"feb", 2},
    {"febbraio", 2},  {"febrero", 2},    {"februar", 2},    {"februari", 2},  {"february", 2},
    {"fev", 2},       {"fevereiro", 2},  {"fevr", 2},       {"fevrier", 2},   {"gen", 1},
    {"gennaio", 1},   {"giu", 6},        {"giugno", 6},     {"jan", 1},       {"janeiro", 1},
    {"janner", 1},    {"januar", 1},     {"januari", 1},    {"january", 1},   {"janv", 1},
    {"janvier", 1},   {"juil", 7},       {"juillet", 7},    {"juin", 6},      {"jul", 7},
    {"julho", 7},     {"juli", 7},       {"julio", 7},      {"july", 7},      {"jun", 6},
    {"june", 6},      {"junho", 6},      {"juni", 6},       {"junio", 6},     {"lug", 7},
    {"luglio", 7},    {"maart", 3},      {"maerz", 3},      {"mag", 5},       {"maggio", 5},
    {"mai", 5},       {"maio", 5},       {"mar", 3},        {"march", 3},     {"marco", 3},
    {"mars", 3},      {"marz", 3},       {"marzo", 3},      {"may", 5},       {"mayo", 5},
    {"mei", 5},       {"mrt", 3},        {"mrz", 3},        {"nov", 11},      {"november", 11},
    {"novembre", 11}, {"novembro", 11},  {"noviembre", 11}, {"oct", 10},      {"october", 10},
    {"octobre", 10},  {"octubre", 10},   {"okt", 10},       {"oktober", 10},  {"ott", 10},
    {"ottobre", 10},  {"out", 10},       {"outubro", 10},   {"sep", 9},       {"sept", 9},
    {"september", 9}, {"septembre", 9},  {"septiembre", 9}, {"set", 9},       {"setembro", 9},
    {"setiembre", 9}, {"settembre", 9},  {"авг", 8},        {"август", 8},    {"августа", 8},
    {"апр", 4},       {"апрель", 4},     {"апреля", 4},     {"дек", 12},      {"декабрь", 12},
    {"декабря", 12},  {"июл", 7},        {"июль", 7},       {"июля", 7},      {"июн", 6},
    {"июнь", 6},      {"июня", 6},       {"май", 5},        {"мар", 3},       {"март", 3},
    {"марта", 3},     {"мая", 5},        {"ноя", 11},       {"нояб", 11},     {"ноябрь", 11},
    {"ноября", 11},   {"окт", 10},       {"октябрь", 10},   {"октября", 10},  {"сен", 9},
    {"сент", 9},      {"сентябрь", 9},   {"сентября", 9},   {"фев", 2},       {"февр", 2},
    {"февраль", 2},   {"февраля", 2},    {"янв", 1},        {"январь", 1},    {"января", 1},
};
constexpr std::string_view kWeekdays[] = {
    "di",       "dienstag",  "dim",         "dimanche",   "dinsdag",     "do",       "dom",
    "domenica", "domingo",   "donderdag",   "donnerstag", "feira",       "fr",       "freitag",
    "fri",      "friday",    "gio",         "giovedi",    "jeu",         "jeudi",    "jue",
    "jueves",   "lun",       "lundi",       "lunedi",     "lunes",       "ma",       "maandag",
    "mardi",    "martedi",   "martes",      "mer",        "mercoledi",   "mercredi", "mi",
    "mie",      "miercoles", "mittwoch",    "mo",         "mon",         "monday",   "montag",
    "qua",      "quarta",    "qui",         "quinta",     "sa",          "sab",      "sabado",
    "sabato",   "sam",       "samedi",      "samstag",    "sat",         "saturday", "seg",
    "segunda",  "sex",       "sexta",       "so",         "sonnabend",   "sonntag",  "sun",
    "sunday",   "ter",       "terca",       "thu",        "thur",        "thurs",    "thursday",
    "tue",      "tues",      "tuesday",     "ven",        "vendredi",    "venerdi",  "vie",
    "viernes",  "vr",        "vrijdag",     "wed",        "wednesday",   "wo",       "woensdag",
    "za",       "zaterdag",  "zo",          "zondag",     "воскресенье", "вс",       "вт",
    "вторник",  "пн",        "понедельник", "пт",         "пятница",     "сб",       "ср",
    "среда",    "суббота",   "четверг",     "чт",
};
constexpr std::string_view kFillers[] = {
    "a",
    "actualizada",
    "actualizado",
    "aggiornata",
    "aggiornato",
    "aktualisiert",
    "alle",
    "as",
    "at",
    "atualizada",
    "atualizado",
    "bijgewerkt",
    "data",
    "date",
    "datum",
    "de",
    "del",
    "du",
    "el",
    "em",
    "en",
    "erstellt",
    "fecha",
    "first",
    "geandert",
    "gepubliceerd",
    "gewijzigd",
    "il",
    "jour",
    "laatst",
    "las",
    "last",
    "le",
    "ligne",
    "mis",
    "mise",
    "modifie",
    "modified",
    "modifiee",
    "om",
    "on",
    "op",
    "ore",
    "posted",
    "pubblicata",
    "pubblicato",
    "publicada",
    "publicado",
    "publie",
    "publiee",
    "published",
    "stand",
    "um",
    "updated",
    "veroeffentlicht",
    "veroffentlicht",
    "vom",
    "zuletzt",
    "в",
    "г",
    "года",
    "дата",
    "изменено",
    "обновлено",
    "опубликовано",
    "от",
    "публикации",
};

constexpr std::string_view kHourWords[] = {"h", "hs", "uhr", "uur"};

constexpr bool sorted_names(const std::string_view* first, const std::string_view* last) {
    for (const std::string_view* it = first; it + 1 < last; ++it) {
        if (!(*it < *(it + 1))) return false;
    }
    return true;
}

constexpr bool sorted_months() {
    for (std::size_t i = 0; i + 1 < std::size(kMonths); ++i) {
        if (!(kMonths[i].name < kMonths[i + 1].name)) return false;
    }
    return true;
}

static_assert(sorted_months(), "kMonths must be sorted and without repeats");
static_assert(sorted_names(std::begin(kWeekdays), std::end(kWeekdays)), "kWeekdays unsorted");
static_assert(sorted_names(std::begin(kFillers), std::end(kFillers)), "kFillers unsorted");
static_assert(sorted_names(std::begin(kHourWords), std::end(kHourWords)), "kHourWords unsorted");

std::string_view without_final_dot(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    return word;
}

template <std::size_t N>
bool contains(const std::string_view (&table)[N], std::string_view word) {
    return std::binary_search(std::begin(table), std::end(table), word);
}

// What each of U+00C0..U+00FF becomes: a letter, '*' for the two-letter foldings (Æ, æ -> "ae";
// ß -> "ss"), or '.' for the characters kept as they are (×, ÷, Þ, þ).
constexpr std::string_view kLatin1Folding =
    "aaaaaa*ceeeeiiiidnooooo.ouuuuy.*"
    "aaaaaa*ceeeeiiiidnooooo.ouuuuy.y";

}  // namespace

std::string fold_date_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1])
                                              : static_cast<unsigned char>(0);
        if (byte >= 'A' && byte <= 'Z') {
            out.push_back(static_cast<char>(byte - 'A' + 'a'));
        } else if (byte == 0xC2 && next == 0xA0) {  // no-break space
            out.push_back(' ');
            ++i;
        } else if (byte == 0xE2 && next == 0x80 && i + 2 < text.size() &&
                   (text[i + 2] == '\xAF' || text[i + 2] == '\x89')) {  // narrow no-break, thin
            out.push_back(' ');
            i += 2;
        } else if (byte == 0xC3 && next >= 0x80 && next <= 0xBF) {
            const char folded = kLatin1Folding[next - 0x80];
            if (folded == '.') {
                out.append(text.substr(i, 2));
            } else if (folded == '*') {
                out += next == 0x9F ? "ss" : "ae";
            } else {
                out.push_back(folded);
            }
            ++i;
        } else if (byte == 0xD0 && next >= 0x90 && next <= 0x9F) {  // А..П -> а..п
            out += {'\xD0', static_cast<char>(next + 0x20)};
            ++i;
        } else if (byte == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р..Я -> р..я
            out += {'\xD1', static_cast<char>(next - 0x20)};
            ++i;
        } else if ((byte == 0xD0 && next == 0x81) || (byte == 0xD1 && next == 0x91)) {  // Ё, ё
            out += "\xD0\xB5";
            ++i;
        } else {
            out.push_back(static_cast<char>(byte));
        }
    }
    return out;
}

int month_from_name(std::string_view folded) {
    const std::string_view word = without_final_dot(folded);
    const auto it = std::lower_bound(
        std::begin(kMonths), std::end(kMonths), word,
        [](const MonthName& entry, std::string_view key) { return entry.name < key; });
    return it != std::end(kMonths) && it->name == word ? it->month : 0;
}

bool is_weekday_name(std::string_view folded) {
    return contains(kWeekdays, without_final_dot(folded));
}

bool is_date_filler(std::string_view folded) {
    return contains(kFillers, without_final_dot(folded));
}

bool is_hour_word(std::string_view folded) {
    return contains(kHourWords, folded);
}

}  // namespace newsindex::text

#include "text/language.h"

#include <cctype>
#include <utility>

#include "text/strings.h"

namespace newsindex::text {

namespace {

bool all_of_class(std::string_view subtag, bool letters_only) {
    for (char c : subtag) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) return false;
        if (letters_only ? !std::isalpha(byte) : !std::isalnum(byte)) return false;
    }
    return true;
}

// Codes that BCP 47 replaces by another: deprecated two-letter codes, and three-letter codes
// of languages that have a two-letter one (only the common ones: pages rarely use others).
constexpr std::pair<std::string_view, std::string_view> kReplaced[] = {
    {"iw", "he"},  {"in", "id"},  {"ji", "yi"},  {"jw", "jv"},  {"mo", "ro"},  {"ara", "ar"},
    {"chi", "zh"}, {"zho", "zh"}, {"ces", "cs"}, {"cze", "cs"}, {"dan", "da"}, {"deu", "de"},
    {"ger", "de"}, {"ell", "el"}, {"gre", "el"}, {"eng", "en"}, {"spa", "es"}, {"fin", "fi"},
    {"fra", "fr"}, {"fre", "fr"}, {"hun", "hu"}, {"ita", "it"}, {"jpn", "ja"}, {"kor", "ko"},
    {"nld", "nl"}, {"dut", "nl"}, {"nor", "no"}, {"pol", "pl"}, {"por", "pt"}, {"ron", "ro"},
    {"rum", "ro"}, {"rus", "ru"}, {"swe", "sv"}, {"tur", "tr"}, {"ukr", "uk"},
};

// Primary subtags that say there is no one language.
constexpr std::string_view kNoLanguage[] = {"und", "mul", "mis", "zxx"};

}  // namespace

std::string primary_language(std::string_view declared) {
    std::string_view tag = declared;
    tag = tag.substr(0, tag.find_first_of(",;"));
    tag = trim(tag);
    if (tag.empty()) return {};
    std::string primary;
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const std::size_t end = tag.find_first_of("-_", start);
        const std::string_view subtag =
            tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (first) {
            if (subtag.size() < 2 || subtag.size() > 3 || !all_of_class(subtag, true)) return {};
            primary = ascii_lower(subtag);
            first = false;
        } else if (subtag.empty() || subtag.size() > 8 || !all_of_class(subtag, false)) {
            return {};
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    for (std::string_view none : kNoLanguage)
        if (primary == none) return {};
    for (const auto& [old_code, code] : kReplaced)
        if (primary == old_code) return std::string(code);
    return primary;
}

}  // namespace newsindex::text

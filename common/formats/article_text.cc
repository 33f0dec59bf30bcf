#include "formats/article_text.h"

#include <algorithm>
#include <optional>

#include "text/byline.h"
#include "text/dates.h"
#include "text/detect_language.h"
#include "text/strings.h"
#include "text/utf8.h"

namespace newsindex::formats {

namespace {

constexpr std::size_t kMaxDerivedTitle = 120;

enum class Special { None, Space, Invisible };

struct SpecialChar {
    Special kind;
    std::size_t length;
};

// The Unicode space or invisible character encoded at utf8[i], if any.
SpecialChar special_at(std::string_view utf8, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC2 && i + 1 < utf8.size()) {
        const unsigned char next = static_cast<unsigned char>(utf8[i + 1]);
        if (next == 0xA0) return {Special::Space, 2};      // no-break space
        if (next == 0xAD) return {Special::Invisible, 2};  // soft hyphen
    } else if (c == 0xE2 && i + 2 < utf8.size()) {
        const unsigned char b1 = static_cast<unsigned char>(utf8[i + 1]);
        const unsigned char b2 = static_cast<unsigned char>(utf8[i + 2]);
        if (b1 == 0x80 && b2 >= 0x80 && b2 <= 0x8A) return {Special::Space, 3};      // U+2000..200A
        if (b1 == 0x80 && b2 == 0xAF) return {Special::Space, 3};                    // U+202F
        if (b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D) return {Special::Invisible, 3};  // ZW
        if (b1 == 0x81 && b2 == 0x9F) return {Special::Space, 3};                    // U+205F
        if (b1 == 0x81 && b2 == 0xA0) return {Special::Invisible, 3};                // word joiner
    } else if (utf8.compare(i, 3, "\xE3\x80\x80") == 0) {
        return {Special::Space, 3};  // ideographic space
    } else if (utf8.compare(i, 3, "\xEF\xBB\xBF") == 0) {
        return {Special::Invisible, 3};  // byte-order mark / zero-width no-break space
    }
    return {Special::None, 0};
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string one_line(const std::string& value) {
    return tidy_inline(text::clean_text(value));
}

void tidy_list(std::vector<std::string>& list) {
    std::vector<std::string> tidied;
    for (const std::string& value : list) add_unique(tidied, one_line(value));
    list = std::move(tidied);
}

// A date is short; looking for one only in the last bytes of a line keeps a ten-megabyte
// "byline" linear.
constexpr std::size_t kMaxDateText = 80;

bool is_byline_separator(char c) {
    return c == ',' || c == '|' || c == '-' || c == ' ';
}

// "By Jane Doe | Updated: Jan. 29, 2022" -> names "By Jane Doe" and the date (into header).
// Tries the longest tail first so that "Saturday, January 29, 2022" is read whole.
bool read_trailing_date(std::string_view line, std::string_view& names, HeaderLines& header) {
    const std::size_t from = line.size() > kMaxDateText ? line.size() - kMaxDateText : 0;
    for (std::size_t p = from; p < line.size(); ++p) {
        if (line[p] != ' ' && line[p] != ',' && line[p] != '|') continue;
        std::string_view tail = text::trim(line.substr(p + 1));
        if (tail.empty()) continue;
        std::string unordered;
        const std::string date = read_source_date(tail, unordered);
        if (date.empty() && unordered.empty()) continue;
        std::string_view head = line.substr(0, p);
        while (!head.empty() && is_byline_separator(head.back())) head.remove_suffix(1);
        // A spaced dash or middle dot between the two ("By Ann Lee — Jan. 3, 2022").
        for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7"}) {
            if (head.size() >= dash.size() && head.substr(head.size() - dash.size()) == dash)
                head = text::trim(head.substr(0, head.size() - dash.size()));
        }
        if (!text::is_byline(head)) continue;
        names = head;
        header.date = date;
        header.date_unordered = unordered;
        header.have_date = true;
        return true;
    }
    return false;
}

}  // namespace

bool read_header_line(std::string_view line, HeaderLines& header) {
    if (!header.have_byline && text::is_byline(line)) {
        std::string_view names = line;
        if (!header.have_date) read_trailing_date(line, names, header);
        header.authors = text::parse_byline(names);
        header.have_byline = true;
        return true;
    }
    if (!header.have_byline) {
        std::vector<std::string> agencies = text::agency_credit(line);
        if (!agencies.empty()) {
            header.authors = agencies;
            header.have_byline = true;
            return true;
        }
    }
    if (!header.have_date) {
        header.date = read_source_date(line, header.date_unordered);
        header.have_date = !header.date.empty() || !header.date_unordered.empty();
        return header.have_date;
    }
    return false;
}

std::string read_source_date(std::string_view text, std::string& unordered) {
    text::DateRefusal why = text::DateRefusal::none;
    if (auto date = text::parse_date(text, "", &why)) return date->iso();
    if (why == text::DateRefusal::ambiguous_order && unordered.empty())
        unordered = one_line(std::string(text));
    return {};
}

void settle_date(Article& article) {
    std::string unordered = std::move(article.date_unordered);
    article.date_unordered.clear();
    if (!article.date.empty() || unordered.empty()) return;
    text::DateRefusal why = text::DateRefusal::none;
    if (auto date = text::parse_date(unordered, article.language, &why)) {
        article.date = date->iso();
        return;
    }
    article.date_note =
        unordered + ": " + std::string(text::refusal_reason(why)) +
        (article.language.empty() ? " (language unknown)" : " for language " + article.language);
}

std::string tidy_inline(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const SpecialChar special = special_at(utf8, i);
        if (special.kind != Special::None) {
            pending_space = pending_space || special.kind == Special::Space;
            i += special.length;
            continue;
        }
        if (is_ascii_space(utf8[i])) {
            pending_space = true;
            ++i;
            continue;
        }
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.push_back(utf8[i++]);
    }
    return out;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const std::string& paragraph : paragraphs) {
        if (paragraph.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += paragraph;
    }
    return out;
}

std::string title_from_body(std::string_view body) {
    std::string_view first = body.substr(0, body.find("\n\n"));
    first = text::trim(first);
    if (first.size() <= kMaxDerivedTitle) return std::string(first);
    std::string_view cut = text::truncate_utf8(first, kMaxDerivedTitle);
    const std::size_t space = cut.rfind(' ');
    if (space != std::string_view::npos && space > kMaxDerivedTitle / 2) cut = cut.substr(0, space);
    return std::string(text::trim(cut));
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    // Checking the size first keeps a hostile list of millions of names linear.
    if (list.size() < kMaxListEntries && !value.empty() &&
        std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

// Cuts text to at most max_bytes, at a paragraph break in the last half of what is kept, else
// at a white space, else between two characters. Returns the bytes left out.
std::size_t cut_to(std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return 0;
    const std::size_t size = text.size();
    std::string_view kept = text::truncate_utf8(text, max_bytes);
    for (std::string_view boundary : {"\n\n", "\n", " "}) {
        const std::size_t at = kept.rfind(boundary);
        if (at != std::string_view::npos && at >= kept.size() / 2) {
            kept = kept.substr(0, at);
            break;
        }
    }
    text.resize(kept.size());
    text.shrink_to_fit();
    return size - text.size();
}

bool finish_article(Article& article) {
    article.body_bytes_left_out += cut_to(article.body, kMaxBodyBytes);
    cut_to(article.title, kMaxTitleBytes);
    std::vector<std::string> paragraphs;
    const std::string body = text::clean_text(article.body);
    for (std::string_view paragraph : text::split(body, "\n\n")) {
        paragraphs.push_back(tidy_inline(paragraph));
    }
    article.body = join_paragraphs(paragraphs);
    article.title = one_line(article.title);
    if (article.title.empty()) article.title = title_from_body(article.body);
    article.date = one_line(article.date);
    article.url = one_line(article.url);
    article.record_key = one_line(article.record_key);
    article.message_id = one_line(article.message_id);
    article.site_name = one_line(article.site_name);
    article.section = one_line(article.section);
    article.language = one_line(article.language);
    // A language the source does not declare is read from the text, so that the article is
    // stemmed as its language is (common/stemmer.h) and has a lang: value.
    if (!article.language.empty()) {
        article.language_origin = Article::LanguageOrigin::declared;
    } else {
        // The detector reads a bounded prefix: no need to copy a long body whole.
        article.language = text::detect_language(
            article.title + "\n\n" + article.body.substr(0, text::kDetectLanguagePrefixBytes));
        if (!article.language.empty()) article.language_origin = Article::LanguageOrigin::detected;
    }
    tidy_list(article.captions);
    tidy_list(article.authors);
    tidy_list(article.tags);
    tidy_list(article.related);
    tidy_list(article.photo_credits);
    return !article.title.empty();
}

}  // namespace newsindex::formats

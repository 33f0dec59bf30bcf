#include "formats/json.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "formats/article_text.h"
#include "formats/html_fragment.h"
#include "text/byline.h"
#include "text/dates.h"
#include "text/language.h"
#include "text/strings.h"

namespace newsindex {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFields[] = {"title", "authors", "date", "url", "body", "tags"};

// Default key names per field, most specific first.
struct DefaultKeys {
    std::string_view field;
    std::vector<std::string_view> keys;
};

const std::vector<DefaultKeys>& default_keys() {
    static const std::vector<DefaultKeys> keys = {
        {"title", {"title", "headline"}},
        {"authors", {"authors", "author", "byline", "creator"}},
        {"date",
         {"date", "published", "datePublished", "publish_date", "published_at", "publishedAt",
          "pubDate", "date_published", "created_at"}},
        {"url", {"url", "link", "canonical_url"}},
        {"body",
         {"text", "body", "content", "articleBody", "short_description", "description", "summary"}},
        {"tags", {"tags", "keywords", "categories", "category"}},
        // Read from these keys only (not a --field name): "de", "pt-BR", "en_US".
        {"language", {"language", "lang", "inLanguage"}},
    };
    return keys;
}

// The value at path in record: the key as written, else a dotted path ("meta.byline",
// "authors.0"). nullptr when absent or null.
const Json* lookup(const Json& record, std::string_view path) {
    if (!record.is_object()) return nullptr;
    auto exact = record.find(std::string(path));
    if (exact != record.end()) return exact->is_null() ? nullptr : &*exact;
    if (path.find('.') == std::string_view::npos) return nullptr;
    const Json* current = &record;
    for (std::string_view segment : text::split(path, ".")) {
        if (current->is_object()) {
            auto found = current->find(std::string(segment));
            if (found == current->end()) return nullptr;
            current = &*found;
        } else if (current->is_array() && !segment.empty() &&
                   segment.find_first_not_of("0123456789") == std::string_view::npos &&
                   segment.size() < 10) {
            const std::size_t index = std::stoul(std::string(segment));
            if (index >= current->size()) return nullptr;
            current = &(*current)[index];
        } else {
            return nullptr;
        }
    }
    return current->is_null() ? nullptr : current;
}

// The values to read for field: the mapped path alone, or every default key present.
std::vector<const Json*> sources_for(const Json& record, std::string_view field,
                                     const JsonFieldMap& fields) {
    std::vector<const Json*> values;
    auto mapped = fields.sources.find(std::string(field));
    if (mapped != fields.sources.end()) {
        if (const Json* value = lookup(record, mapped->second)) values.push_back(value);
        return values;
    }
    for (const DefaultKeys& defaults : default_keys()) {
        if (defaults.field != field) continue;
        for (std::string_view key : defaults.keys) {
            if (const Json* value = lookup(record, key)) values.push_back(value);
        }
    }
    return values;
}

// Text of a scalar-like value: a string, an integer, {"name": ...} or {"text": ...}, or the
// first such element of a list.
std::string text_of(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_object()) {
        for (const char* key : {"name", "text", "value", "@value"}) {
            auto found = value.find(key);
            if (found != value.end() && found->is_string()) return found->get<std::string>();
        }
    }
    if (value.is_array()) {
        for (const Json& element : value) {
            if (!element.is_array()) {
                std::string text = text_of(element);
                if (!text.empty()) return text;
            }
        }
    }
    return {};
}

// Each element's text for a list, or the value's own text.
std::vector<std::string> texts_of(const Json& value) {
    std::vector<std::string> texts;
    if (value.is_array()) {
        for (const Json& element : value) {
            if (!element.is_array()) texts.push_back(text_of(element));
        }
    } else {
        texts.push_back(text_of(value));
    }
    return texts;
}

std::string read_date(const Json& value, std::string& unordered) {
    if (value.is_number()) {
        // Unix time, in seconds or (past the year 5138 in seconds) milliseconds.
        double seconds = value.get<double>();
        if (seconds > 1e11 || seconds < -1e11) seconds /= 1000;
        if (seconds > -4e10 && seconds < 4e10) {
            if (auto date = text::from_unix_seconds(static_cast<long long>(seconds)))
                return date->iso();
        }
        return {};
    }
    return formats::read_source_date(text_of(value), unordered);
}

Article record_to_article(const Json& record, const JsonFieldMap& fields) {
    Article article;
    for (const Json* value : sources_for(record, "title", fields)) {
        article.title = formats::tidy_inline(text_of(*value));
        if (!article.title.empty()) break;
    }
    for (const Json* value : sources_for(record, "authors", fields)) {
        for (const std::string& names : texts_of(*value)) {
            for (const std::string& name : text::parse_author_names(names))
                formats::add_unique(article.authors, name);
        }
        if (!article.authors.empty()) break;
    }
    for (const Json* value : sources_for(record, "date", fields)) {
        article.date = read_date(*value, article.date_unordered);
        if (!article.date.empty()) break;
    }
    for (const Json* value : sources_for(record, "url", fields)) {
        article.url = std::string(text::trim(text_of(*value)));
        if (!article.url.empty()) break;
    }
    for (const Json* value : sources_for(record, "body", fields)) {
        std::vector<std::string> paragraphs;
        for (const std::string& part : texts_of(*value)) {
            // Content management systems export the body as the markup they show: read it
            // as a page's article is read, without its scripts, boxes and captions.
            if (html::looks_like_html(part)) {
                for (std::string& paragraph : html::fragment_paragraphs(part))
                    paragraphs.push_back(std::move(paragraph));
                continue;
            }
            // Exports separate paragraphs with one line feed as often as with two.
            for (std::string_view line : text::split(part, "\n"))
                paragraphs.push_back(formats::tidy_inline(line));
        }
        article.body = formats::join_paragraphs(paragraphs);
        if (!article.body.empty()) break;
    }
    for (const Json* value : sources_for(record, "tags", fields)) {
        for (const std::string& item : texts_of(*value)) {
            // A string "a, b" lists tags with commas; list elements are one tag each.
            if (value->is_array()) {
                formats::add_unique(article.tags, formats::tidy_inline(item));
                continue;
            }
            for (std::string_view tag : text::split(item, ","))
                formats::add_unique(article.tags, formats::tidy_inline(tag));
        }
    }
    for (const Json* value : sources_for(record, "language", fields)) {
        article.language = text::primary_language(text_of(*value));
        if (!article.language.empty()) break;
    }
    return article;
}

// "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while
// parsing value - invalid literal; last read: '...'" -> "malformed JSON at column 7: syntax
// error while parsing value - invalid literal". The "last read" part is left out: it repeats
// raw input, which may hold anything.
std::string describe(const Json::exception& e, bool with_column) {
    std::string_view what = e.what();
    std::string column;
    const std::size_t at = what.find("column ");
    if (at != std::string_view::npos) {
        std::size_t end = at + 7;
        while (end < what.size() && what[end] >= '0' && what[end] <= '9') ++end;
        column = std::string(what.substr(at + 7, end - at - 7));
    }
    std::string_view detail;
    const std::size_t colon = what.find(": ", at == std::string_view::npos ? 0 : at);
    if (colon != std::string_view::npos) detail = what.substr(colon + 2);
    detail = detail.substr(0, detail.find("; last read"));
    std::string message = "malformed JSON";
    if (with_column && !column.empty()) message += " at column " + column;
    if (!detail.empty()) message += ": " + std::string(detail);
    return message;
}

unsigned line_of(std::string_view text, std::size_t byte) {
    byte = std::min(byte, text.size());
    unsigned line = 1;
    for (std::size_t i = 0; i < byte; ++i) line += text[i] == '\n' ? 1 : 0;
    return line;
}

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Why json, parsed as a whole, would cost more than a record may: nested deeper than
// kMaxJsonDepth or holding more than kMaxJsonValues values (each costs 16 bytes and more once
// parsed, so a few megabytes of "[[[[" or "1,1,1" would otherwise take gigabytes). Empty when
// it may be parsed. One pass, no allocation; strings are skipped, so the counts are exact for
// valid JSON and an overestimate at worst for invalid JSON, which the parser then refuses.
std::string too_costly(std::string_view json) {
    std::size_t depth = 0, values = 1;
    bool in_string = false;
    for (std::size_t pos = 0; pos < json.size(); ++pos) {
        const char c = json[pos];
        if (in_string) {
            if (c == '\\')
                ++pos;
            else if (c == '"')
                in_string = false;
            continue;
        }
        switch (c) {
            case '"':
                in_string = true;
                break;
            case '[':
            case '{':
                if (++depth > kMaxJsonDepth)
                    return "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
                break;
            case ']':
            case '}':
                if (depth > 0) --depth;
                break;
            case ',':
            case ':':
                if (++values > kMaxJsonValues)
                    return "more than " + text::with_thousands(kMaxJsonValues) +
                           " values in one record";
                break;
            default:
                break;
        }
    }
    return {};
}

// Json::parse(json), refused with an InputError at line when too_costly.
Json parse_bounded(std::string_view json, const std::string& source, unsigned line,
                   const std::string& prefix) {
    const std::string cost = too_costly(json);
    if (!cost.empty()) throw InputError(source, line, prefix + cost + "; skipped");
    return Json::parse(json);
}

// Delivers record as an article, or a problem when it has no title or text. Problems name
// the record when its line is unknown or holds more than one record.
void deliver(const Json& record, const std::string& source, unsigned line,
             const std::string& record_key, const JsonFieldMap& fields,
             const ArticleSink& on_article, const ProblemSink& on_problem) {
    const std::string prefix =
        text::starts_with_nocase(record_key, "line ") ? "" : record_key + ": ";
    if (!record.is_object()) {
        on_problem(InputError(source, line, prefix + "not a JSON object"));
        return;
    }
    Article article = record_to_article(record, fields);
    article.source_path = source;
    article.record_key = record_key;
    if (!formats::finish_article(article)) {
        on_problem(InputError(source, line, prefix + "no title or text"));
        return;
    }
    on_article(std::move(article));
}

// Splits the top-level array starting at text[pos] == '[' into its elements and reads each.
void read_array(std::string_view text, std::size_t pos, const std::string& source,
                const JsonFieldMap& fields, const ArticleSink& on_article,
                const ProblemSink& on_problem) {
    const std::size_t n = text.size();
    unsigned line = line_of(text, pos);
    std::size_t record = 0;
    ++pos;  // the '['
    auto skip_space = [&]() {
        while (pos < n && is_json_space(text[pos])) {
            if (text[pos] == '\n') ++line;
            ++pos;
        }
    };
    for (;;) {
        skip_space();
        if (pos >= n) {
            on_problem(InputError(source, line, "truncated JSON: the array is not closed"));
            return;
        }
        if (text[pos] == ']' && record == 0) break;  // an empty array
        const std::size_t start = pos;
        const unsigned start_line = line;
        int depth = 0;
        bool in_string = false;
        for (; pos < n; ++pos) {
            const char c = text[pos];
            if (c == '\n') ++line;
            if (in_string) {
                if (c == '\\')
                    ++pos;  // an escaped character, never a line feed in valid JSON
                else if (c == '"')
                    in_string = false;
                continue;
            }
            if (c == '"') {
                in_string = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) break;
                --depth;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        ++record;
        const std::string key = "record " + std::to_string(record);
        const std::string_view element = text.substr(start, std::min(pos, n) - start);
        // The sinks may throw to stop the reading: only the parse is inside the try.
        std::optional<Json> value;
        std::optional<InputError> problem;
        try {
            value = parse_bounded(element, source, start_line, key + ": ");
        } catch (const Json::exception& e) {
            problem = InputError(source, start_line, key + ": " + describe(e, false));
        } catch (const InputError& e) {
            problem = e;
        }
        if (value)
            deliver(*value, source, start_line, key, fields, on_article, on_problem);
        else
            on_problem(*problem);
        if (pos >= n) {
            on_problem(InputError(source, line, "truncated JSON: the array is not closed"));
            return;
        }
        if (text[pos] == ']') break;
        if (text[pos] != ',') {
            on_problem(InputError(source, line,
                                  "malformed JSON: unexpected '" + std::string(1, text[pos]) +
                                      "' between array elements; stopped here"));
            return;
        }
        ++pos;
    }
    ++pos;  // the ']'
    skip_space();
    if (pos < n) on_problem(InputError(source, line, "text after the JSON array ignored"));
}

}  // namespace

bool JsonFieldMap::add_mapping(std::string_view name_equals_source, std::string& error) {
    const std::size_t equals = name_equals_source.find('=');
    if (equals == std::string_view::npos) {
        error = "--field wants NAME=SOURCE, e.g. title=headline";
        return false;
    }
    const std::string name(text::trim(name_equals_source.substr(0, equals)));
    const std::string source(text::trim(name_equals_source.substr(equals + 1)));
    if (std::find(std::begin(kFields), std::end(kFields), name) == std::end(kFields)) {
        error =
            "--field: unknown field \"" + name + "\"; one of title, authors, date, url, body, tags";
        return false;
    }
    if (source.empty()) {
        error = "--field " + name + ": the source key is empty";
        return false;
    }
    for (std::string_view segment : text::split(source, ".")) {
        if (segment.empty()) {
            error = "--field " + name + ": empty part in key path \"" + source + "\"";
            return false;
        }
    }
    sources[name] = source;
    return true;
}

void read_json_articles(std::string_view utf8, const std::string& source,
                        const JsonFieldMap& fields, const ArticleSink& on_article,
                        const ProblemSink& on_problem) {
    std::size_t start = 0;
    while (start < utf8.size() && is_json_space(utf8[start])) ++start;
    if (start == utf8.size()) throw InputError(source, 0, "empty JSON file");
    if (utf8[start] == '[') {
        read_array(utf8, start, source, fields, on_article, on_problem);
        return;
    }
    if (utf8[start] != '{')
        throw InputError(source, line_of(utf8, start), "not a JSON object or array");
    Json document;
    try {
        document = parse_bounded(utf8, source, line_of(utf8, start), "");
    } catch (const Json::parse_error& e) {
        throw InputError(source, line_of(utf8, e.byte == 0 ? 0 : e.byte - 1), describe(e, true));
    } catch (const Json::exception& e) {
        throw InputError(source, 0, describe(e, false));
    }
    Article article = record_to_article(document, fields);
    article.source_path = source;
    if (formats::finish_article(article)) {
        on_article(std::move(article));
        return;
    }
    // {"status": "ok", "articles": [...]}: the records are in the first list of objects.
    for (const auto& member : document.items()) {
        const Json& value = member.value();
        if (!value.is_array() || value.empty() || !value.front().is_object()) continue;
        std::size_t record = 0;
        for (const Json& element : value) {
            ++record;
            deliver(element, source, 0, "record " + std::to_string(record), fields, on_article,
                    on_problem);
        }
        return;
    }
    throw InputError(source, 0, "no title or text in the JSON object");
}

void read_json_lines_articles(std::string_view utf8, const std::string& source,
                              const JsonFieldMap& fields, const ArticleSink& on_article,
                              const ProblemSink& on_problem) {
    unsigned line_number = 0;
    // Line by line, never a list of all lines: a file of millions of short lines is common.
    for (std::size_t start = 0; start < utf8.size();) {
        std::size_t end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        const std::string_view line = text::trim(utf8.substr(start, end - start));
        start = end + 1;
        ++line_number;
        if (line.empty()) continue;
        std::optional<Json> value;
        std::optional<InputError> problem;
        try {
            value = parse_bounded(line, source, line_number, "");
        } catch (const Json::exception& e) {
            problem = InputError(source, line_number, describe(e, true));
        } catch (const InputError& e) {
            problem = e;
        }
        if (value)
            deliver(*value, source, line_number, "line " + std::to_string(line_number), fields,
                    on_article, on_problem);
        else
            on_problem(*problem);
    }
}

}  // namespace newsindex

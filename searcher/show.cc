#include "show.h"

#include <algorithm>
#include <optional>

#include "schema.h"
#include "text/terminal.h"
#include "text/utf8.h"

namespace newsindex::searcher {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

Json string_or_null(const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

// A stored string field beside the hit fields: its JSON key, its text label, its member.
struct StoredText {
    const char* key;
    const char* label;
    std::string Article::*member;
};
const StoredText kStoredTexts[] = {
    {"site_name", "Sitename", &Article::site_name},
    {"section", "Section", &Article::section},
    {"lang", "Language", &Article::language},
    {"record_key", "Record", &Article::record_key},
    {"message_id", "Message-ID", &Article::message_id},
};
// A stored list: its JSON key, the label of each element's line, its member.
struct StoredList {
    const char* key;
    const char* label;
    std::vector<std::string> Article::*member;
};
const StoredList kStoredLists[] = {
    {"tags", "Tag", &Article::tags},
    {"captions", "Caption", &Article::captions},
    {"photo_credits", "Credit", &Article::photo_credits},
    {"related", "Related", &Article::related},
};

// The body for a terminal: its lines and paragraphs kept, control characters and
// bidirectional overrides left out.
std::string body_for_terminal(const std::string& body) {
    return text::without_bidi_controls(text::clean_text(body));
}

}  // namespace

bool show_supports(OutputFormat format) {
    return format == OutputFormat::Text || format == OutputFormat::Json ||
           format == OutputFormat::JsonLines;
}

Json article_to_json(const Hit& hit) {
    Json object = {{"output_version", kOutputVersion}};
    for (const HitField& field : hit_fields())
        if (!field.of_search) object[std::string(field.name)] = field.to_json(hit);
    for (const StoredText& stored : kStoredTexts)
        object[stored.key] = string_or_null(hit.article.*stored.member);
    for (const StoredList& stored : kStoredLists)
        object[stored.key] = Json(hit.article.*stored.member);
    object["body"] = hit.article.body;
    return object;
}

void print_article_text(const Hit& hit, std::ostream& out, bool color) {
    const Article& a = hit.article;
    auto line = [&out](const char* label, const std::string& value) {
        if (value.empty()) return;
        std::string padded = std::string(label) + ":";
        padded.resize(std::max<std::size_t>(padded.size() + 1, 12), ' ');
        out << padded << terminal_line(value) << '\n';
    };
    const std::string title = terminal_line(a.title);
    out << "Title:      " << (color ? kBold + title + kReset : title) << '\n';
    line("Date", a.date);
    std::string authors;
    for (const std::string& author : a.authors) authors += (authors.empty() ? "" : ", ") + author;
    line("Authors", authors);
    line("URL", a.url);
    line("Path", a.source_path);
    line("Site", schema::site_of_url(a.url));
    line("Id", schema::article_id(a));
    std::string entities;
    for (const ArticleEntity& entity : a.entities)
        entities += (entities.empty() ? "" : "; ") + entity.name + " (" +
                    entity_type_name(entity.type) + ", " + std::to_string(entity.count) + ")";
    line("Entities", entities);
    for (const StoredText& stored : kStoredTexts) line(stored.label, a.*stored.member);
    for (const StoredList& stored : kStoredLists)
        for (const std::string& value : a.*stored.member) line(stored.label, value);
    out << '\n' << body_for_terminal(a.body) << '\n';
}

std::size_t show_articles(Searcher& searcher, const std::vector<std::string>& references,
                          OutputFormat format, const PrintOptions& options, std::ostream& out,
                          std::ostream& err) {
    std::size_t missing = 0, shown = 0;
    for (const std::string& reference : references) {
        const std::optional<Hit> hit = searcher.find(reference);
        if (!hit) {
            err << "searcher: --show " << text::escaped_for_terminal(reference)
                << ": no indexed article has this path, URL or id\n";
            ++missing;
            continue;
        }
        if (format == OutputFormat::Text) {
            // Articles after the first are set apart by a rule: bodies hold blank lines.
            if (shown > 0) out << '\n' << std::string(72, '=') << "\n\n";
            print_article_text(*hit, out, options.color);
        } else {
            out << article_to_json(*hit).dump(-1, ' ', false, Json::error_handler_t::replace)
                << '\n';
        }
        ++shown;
        out.flush();
    }
    return missing;
}

}  // namespace newsindex::searcher

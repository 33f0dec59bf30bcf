#include "inspect.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "entities/annotate.h"
#include "errors.h"
#include "schema.h"
#include "text/dates.h"

namespace newsindex::indexer {

namespace {

using Json = nlohmann::ordered_json;

Json string_or_null(const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

Json language_origin_name(Article::LanguageOrigin origin) {
    switch (origin) {
        case Article::LanguageOrigin::declared:
            return "source";
        case Article::LanguageOrigin::detected:
            return "detected";
        case Article::LanguageOrigin::database_default:
            return "database default";
        case Article::LanguageOrigin::none:
            break;
    }
    return nullptr;
}

std::size_t utf8_characters(const std::string& text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

}  // namespace

std::size_t inspect_files(const std::vector<std::string>& paths, const ReadOptions& options,
                          std::ostream& out,
                          const std::function<void(const std::string&)>& report) {
    std::size_t problems = 0;
    for (const std::string& given : paths) {
        const std::string path = std::filesystem::absolute(given).lexically_normal().string();
        std::vector<Article> articles;
        try {
            const Format format = read_article_file(
                path, options, [&](Article&& article) { articles.push_back(std::move(article)); },
                [&](const InputError& e) {
                    report(e.what());
                    ++problems;
                });
            for (Article& a : articles) {
                entities::annotate(a, entities::default_gazetteer());
                Json entities = Json::array();
                for (const ArticleEntity& entity : a.entities)
                    entities.push_back({{"name", entity.name},
                                        {"type", entity_type_name(entity.type)},
                                        {"count", entity.count},
                                        {"mentions", entity.mentions}});
                auto date = text::parse_date(a.date);
                Json line = {
                    {"path", a.source_path},
                    {"id", schema::article_id(a)},
                    {"format", std::string(format_name(format))},
                    {"title", a.title},
                    {"date", date ? Json(date->iso().substr(0, 10)) : Json(nullptr)},
                    {"datetime", date && date->has_time ? Json(date->iso()) : Json(nullptr)},
                    {"authors", a.authors},
                    {"url", string_or_null(a.url)},
                    {"site", string_or_null(schema::site_of_url(a.url))},
                    {"site_name", string_or_null(a.site_name)},
                    {"section", string_or_null(a.section)},
                    {"lang", string_or_null(a.language)},
                    {"lang_detected", a.language_origin == Article::LanguageOrigin::detected},
                    {"lang_from", language_origin_name(a.language_origin)},
                    {"date_note", string_or_null(a.date_note)},
                    {"tags", a.tags},
                    {"captions", a.captions},
                    {"photo_credits", a.photo_credits},
                    {"body_chars", utf8_characters(a.body)},
                    {"charset", string_or_null(a.charset)},
                    {"charset_chosen_by", string_or_null(a.charset_chosen_by)},
                    {"replaced_bytes", a.replaced_bytes},
                    {"body_bytes_left_out", a.body_bytes_left_out},
                    {"entities", entities},
                    // The recogniser is English: elsewhere only the gazetteer's places.
                    {"entities_scope", entities::recognised_language(a.language)
                                           ? "recogniser"
                                           : "gazetteer places only"},
                };
                out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
            }
        } catch (const InputError& e) {
            report(e.what());
            ++problems;
        }
    }
    return problems;
}

}  // namespace newsindex::indexer

#include "hit_fields.h"

#include "schema.h"
#include "text/strings.h"

namespace newsindex::searcher {

namespace {

Json string_or_null(const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
}

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string snippet_html(const Hit& hit) {
    std::string html;
    for (const SnippetPart& part : hit.snippet) {
        html +=
            part.matched ? "<mark>" + html_escape(part.text) + "</mark>" : html_escape(part.text);
    }
    return html;
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& value : values) out += (out.empty() ? "" : "; ") + value;
    return out;
}

Json entities_json(const Hit& hit) {
    Json entities = Json::array();
    for (const ArticleEntity& entity : hit.article.entities)
        entities.push_back({{"name", entity.name},
                            {"type", entity_type_name(entity.type)},
                            {"count", entity.count}});
    return entities;
}

std::string entities_text(const Hit& hit) {
    std::string out;
    for (const ArticleEntity& entity : hit.article.entities)
        out += (out.empty() ? "" : "; ") + entity.name + " (" + entity_type_name(entity.type) + ")";
    return out;
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string id_of(const Hit& hit) {
    return schema::article_id(hit.article);
}

}  // namespace

const std::vector<HitField>& hit_fields() {
    static const std::vector<HitField> table = {
        {"rank", [](const Hit& h) { return Json(h.rank); },
         [](const Hit& h) { return std::to_string(h.rank); }, true},
        {"score", [](const Hit& h) { return Json(h.score); },
         [](const Hit& h) { return number_text(h.score); }, true},
        {"docid", [](const Hit& h) { return Json(h.docid); },
         [](const Hit& h) { return std::to_string(h.docid); }},
        {"id", [](const Hit& h) { return Json(id_of(h)); }, [](const Hit& h) { return id_of(h); }},
        {"path", [](const Hit& h) { return string_or_null(h.article.source_path); },
         [](const Hit& h) { return h.article.source_path; }},
        {"url", [](const Hit& h) { return string_or_null(h.article.url); },
         [](const Hit& h) { return h.article.url; }},
        {"site", [](const Hit& h) { return string_or_null(schema::site_of_url(h.article.url)); },
         [](const Hit& h) { return schema::site_of_url(h.article.url); }},
        {"title", [](const Hit& h) { return Json(h.article.title); },
         [](const Hit& h) { return h.article.title; }},
        {"date", [](const Hit& h) { return string_or_null(h.article.date); },
         [](const Hit& h) { return h.article.date; }},
        {"authors", [](const Hit& h) { return Json(h.article.authors); },
         [](const Hit& h) { return joined(h.article.authors); }},
        {"entities", entities_json, entities_text},
        {"snippet", [](const Hit& h) { return Json(plain_text(h.snippet)); },
         [](const Hit& h) { return plain_text(h.snippet); }, true},
        {"snippet_html", [](const Hit& h) { return Json(snippet_html(h)); }, snippet_html, true},
        {"collapsed", [](const Hit& h) { return Json(h.collapsed); },
         [](const Hit& h) { return std::to_string(h.collapsed); }, true},
    };
    return table;
}

bool select_hit_fields(const std::string& list, std::vector<const HitField*>& selected,
                       std::string& unknown) {
    selected.clear();
    for (std::string_view name : text::split(list, ",")) {
        name = text::trim(name);
        if (name.empty()) continue;
        const HitField* found = nullptr;
        for (const HitField& field : hit_fields()) {
            if (field.name == name) found = &field;
        }
        if (!found) {
            unknown = std::string(name);
            return false;
        }
        selected.push_back(found);
    }
    return true;
}

std::vector<const HitField*> default_tsv_fields() {
    std::vector<const HitField*> selected;
    std::string unknown;
    select_hit_fields("rank,score,date,title,authors,path,url", selected, unknown);
    return selected;
}

}  // namespace newsindex::searcher

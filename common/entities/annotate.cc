#include "entities/annotate.h"

#include <algorithm>
#include <map>
#include <utility>

namespace newsindex::entities {

namespace {

// Tabs and line breaks inside a name would break the stored record's layout
// (schema::encode_record separates an entity's parts with tabs).
std::string single_spaced(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

}  // namespace

std::vector<ArticleEntity> summarise(const std::vector<Mention>& mentions) {
    std::vector<ArticleEntity> entities;
    std::map<std::pair<EntityType, std::string>, std::size_t> index_of;
    for (const Mention& mention : mentions) {
        std::string name =
            single_spaced(mention.canonical.empty() ? mention.surface : mention.canonical);
        std::string surface = single_spaced(mention.surface);
        if (name.empty()) continue;
        auto [it, inserted] = index_of.try_emplace({mention.type, name}, entities.size());
        if (inserted) entities.push_back({name, mention.type, 0, {}});
        ArticleEntity& entity = entities[it->second];
        ++entity.count;
        if (!surface.empty() && std::find(entity.mentions.begin(), entity.mentions.end(),
                                          surface) == entity.mentions.end())
            entity.mentions.push_back(std::move(surface));
    }
    std::stable_sort(
        entities.begin(), entities.end(),
        [](const ArticleEntity& a, const ArticleEntity& b) { return a.count > b.count; });
    return entities;
}

const Gazetteer& default_gazetteer() {
    static const Gazetteer gazetteer;
    return gazetteer;
}

bool recognised_language(const std::string& language) {
    return language.empty() || language == "en";
}

void annotate(Article& article, const Gazetteer& gazetteer) {
    std::vector<Mention> mentions = extract(article.title, article.body, gazetteer);
    // The recogniser learnt English news. In another language its guesses are noise (German
    // capitalises every noun: "Samstag" came out as an organisation), so only what the
    // gazetteer knows for sure is kept there: the places it lists, by their canonical name.
    if (!recognised_language(article.language)) {
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                      [&](const Mention& mention) {
                                          return mention.type != EntityType::Place ||
                                                 !gazetteer.is_place(mention.canonical);
                                      }),
                       mentions.end());
    }
    article.entities = summarise(mentions);
}

}  // namespace newsindex::entities

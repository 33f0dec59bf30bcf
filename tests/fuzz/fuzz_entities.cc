// libFuzzer target: named-entity extraction and grouping over arbitrary bytes (the first line
// as the title, the rest as the body). Found here first would have been the endless loop on a
// closing curly apostrophe; libFuzzer reports a hang or a run-away allocation as a crash.
#include "entities/annotate.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using newsindex::fuzz::require;
    const std::string_view input = newsindex::fuzz::bytes_of(data, size);
    const std::size_t line_end = std::min(input.find('\n'), input.size());
    newsindex::Article article;
    article.title = std::string(input.substr(0, line_end));
    article.body = std::string(input.substr(std::min(line_end + 1, input.size())));
    newsindex::entities::annotate(article, newsindex::entities::default_gazetteer());
    for (const newsindex::ArticleEntity& entity : article.entities) {
        // The stored record separates an entity's parts with tabs and ends lines with '\n'.
        require(!entity.name.empty());
        require(entity.name.find_first_of("\t\n") == std::string::npos);
        require(newsindex::entity_type_from_name(newsindex::entity_type_name(entity.type)) ==
                entity.type);
        require(entity.count >= entity.mentions.size() && entity.count > 0);
        for (const std::string& mention : entity.mentions)
            require(!mention.empty() && mention.find_first_of("\t\n") == std::string::npos);
    }
    return 0;
}

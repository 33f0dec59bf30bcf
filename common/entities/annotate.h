// From mentions to an article's entities: the step the indexer and `indexer --inspect` run
// after a format reader has produced an Article.
#pragma once

#include <string>
#include <vector>

#include "article.h"
#include "entities/extractor.h"

namespace newsindex::entities {

// Groups mentions into entities, one per type and canonical name, most mentioned first (ties
// in order of first mention). Each entity lists its distinct surface forms in the order they
// first appear. Names and surfaces have their white space collapsed to single spaces.
std::vector<ArticleEntity> summarise(const std::vector<Mention>& mentions);

// The gazetteer built from this machine's iso-codes, tzdata and libgweather, loaded on first use
// and kept for the life of the process. Thread-safe.
const Gazetteer& default_gazetteer();

// True for the languages the recogniser was trained for: English, and an article whose
// language is unknown.
bool recognised_language(const std::string& language);

// Sets article.entities from the article's title and body. In an article of a language the
// recogniser was not trained for (recognised_language() false), only the places the gazetteer
// lists are kept. Thread-safe for distinct articles.
void annotate(Article& article, const Gazetteer& gazetteer);

}  // namespace newsindex::entities

// From mentions to an article's entities: the step the indexer and `indexer --inspect` run
// after a format reader has produced an Article.
#pragma once

#include <vector>

#include "article.h"
#include "entities/extractor.h"

namespace newsindex::entities {

// Groups mentions into entities, one per type and canonical name, most mentioned first (ties
// in order of first mention). Each entity lists its distinct surface forms in the order they
// first appear. Names and surfaces have their white space collapsed to single spaces.
std::vector<ArticleEntity> summarise(const std::vector<Mention>& mentions);

// The gazetteer built from this machine's iso-codes and tzdata, loaded on first use and kept
// for the life of the process. Thread-safe.
const Gazetteer& default_gazetteer();

// Sets article.entities from the article's title and body. Thread-safe for distinct articles.
void annotate(Article& article, const Gazetteer& gazetteer);

}  // namespace newsindex::entities

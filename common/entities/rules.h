// The rule extractor (capitalised runs, head words, cues; the project's first recogniser),
// kept as a source of features for the model: its reading of each token is one feature group
// (kModelUsesRules), which the model weighs against the others. Thread-safe.
#pragma once

#include <vector>

#include "entities/extractor.h"

namespace newsindex::entities {

class Document;

// The rules' mentions, title first then body, in text order; *title_count (when given) is the
// number of title mentions.
std::vector<Mention> rule_mentions(const std::string& title, const std::string& body,
                                   const Gazetteer& gazetteer, std::size_t* title_count);

// Sets each segment's rule_tags from rule_mentions(), located in the segment's text in order.
void set_rule_tags(Document& document, const Gazetteer& gazetteer);

}  // namespace newsindex::entities

// Named entities in news text: people, organisations, places and other names (nationalities,
// events, products, laws). A statistical sequence labeller (an averaged perceptron over BIO
// tags with Viterbi decoding, model.h) trained on real news annotated for the project finds
// and types the mentions; this step cleans their surfaces and gives each its canonical name
// within the article. docs/entities.md describes the model, its features and its figures.
#pragma once

#include <string>
#include <vector>

#include "entities/gazetteer.h"
#include "entity_type.h"

namespace newsindex::entities {

using newsindex::EntityType;

struct Mention {
    std::string surface;  // as written, without titles, honorifics, a leading "the" or "'s"
    EntityType type;
    std::string canonical;  // the full name within the article ("Milley" -> "Mark Milley")
};

class Model;

// The model installed with the program (entity_data_dir()/model.bin), loaded on first use and
// kept for the life of the process. Thread-safe. When it cannot be loaded, one message goes to
// stderr and an empty model is used (no mentions are found).
const Model& default_model();

// Entities are looked for in at most this much of the body (and a tenth of it of the title):
// the labeller keeps a few hundred bytes per word of a document in memory at once, and a
// news article's names are all in its first pages. The body is cut at a paragraph or word
// boundary before the limit.
inline constexpr std::size_t kMaxEntityTextBytes = 256 << 10;

// The mentions in an article, in text order: title first, then body (the first
// kMaxEntityTextBytes of it). Thread-safe.
std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer);
// The same with a given model (the trainer's and the tests').
std::vector<Mention> extract(const std::string& title, const std::string& body,
                             const Gazetteer& gazetteer, const Model& model);

}  // namespace newsindex::entities

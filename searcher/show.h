// searcher --show: one stored article with every field the database keeps and its whole
// body, as text for people or as one JSON object per article (docs/output.md). The article
// comes from Searcher::find(), decoded by the schema's record decoder.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "hit_fields.h"
#include "printer.h"
#include "search.h"

namespace newsindex::searcher {

// Whether --show can print in format: text, json and jsonl (the same object per line).
bool show_supports(OutputFormat format);

// The JSON object of a found article: output_version, the hit fields that describe the
// article (not those of a search: rank, score, snippet, snippet_html, collapsed), the other
// stored fields (site_name, section, lang, tags, captions, photo_credits, related,
// record_key, message_id; null or [] when absent) and the body, whole.
Json article_to_json(const Hit& hit);

// Writes the article for people: "Label: value" lines (title, date, authors, url, path,
// site, id, entities, then the stored extras that are present), a blank line, the body with
// its paragraphs. Nothing that could drive a terminal gets through; colour only when asked.
void print_article_text(const Hit& hit, std::ostream& out, bool color);

// Looks up each reference (Searcher::find()) and writes its article to out in format (one
// of show_supports()), in order; each reference not found is named on err and skipped.
// Returns how many were not found. Throws DatabaseError as Searcher::find().
std::size_t show_articles(Searcher& searcher, const std::vector<std::string>& references,
                          OutputFormat format, const PrintOptions& options, std::ostream& out,
                          std::ostream& err);

}  // namespace newsindex::searcher

// The fields of a hit that machine-readable output can carry: one table, read by the JSON,
// JSON Lines and TSV printers and by --fields. docs/output.md lists the same fields.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "search.h"

namespace newsindex::searcher {

using Json = nlohmann::ordered_json;

struct HitField {
    std::string_view name;
    Json (*to_json)(const Hit&);
    // One line of text: lists joined with "; ", absent values empty.
    std::string (*to_text)(const Hit&);
    // Says something about a search (rank, score, snippet), not about the stored article:
    // --show leaves it out.
    bool of_search = false;
};

// All fields, in the order JSON output gives them.
const std::vector<HitField>& hit_fields();

// The fields named in a comma-separated list ("rank,title,date"), in that order. Returns
// false and names the first unknown field in unknown when one is not a hit field.
bool select_hit_fields(const std::string& list, std::vector<const HitField*>& selected,
                       std::string& unknown);

// The fields TSV prints when --fields is not given.
std::vector<const HitField*> default_tsv_fields();

}  // namespace newsindex::searcher

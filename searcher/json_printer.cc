// JSON output for scripts: one object per query (json), or one object per hit (jsonl), as
// docs/output.md describes.
#include "printer.h"

namespace newsindex::searcher {

namespace {

Json facets_to_json(const SearchResults& results) {
    Json facets = Json::object();
    for (const auto& [name, counts] : results.facets) {
        Json values = Json::array();
        for (const FacetCount& c : counts) {
            Json value = {{"value", c.value}, {"count", c.count}};
            if (c.type) value["type"] = entity_type_name(*c.type);
            values.push_back(std::move(value));
        }
        facets[name] = values;
    }
    return facets;
}

Json hit_to_json(const Hit& hit, const std::vector<const HitField*>& fields) {
    Json object = Json::object();
    if (fields.empty()) {
        for (const HitField& field : hit_fields())
            object[std::string(field.name)] = field.to_json(hit);
    } else {
        for (const HitField* field : fields) object[std::string(field->name)] = field->to_json(hit);
    }
    return object;
}

Json missing_to_json(const std::vector<MissingShard>& missing) {
    Json shards = Json::array();
    for (const MissingShard& shard : missing)
        shards.push_back(
            {{"shard", shard.name}, {"source", shard.source}, {"problem", shard.problem}});
    return shards;
}

// Stored text is valid UTF-8, but a database written by other tools may not be.
std::string dump(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

class JsonPrinter : public ResultPrinter {
  public:
    JsonPrinter(std::ostream& out, const PrintOptions& options) : out_(out), options_(options) {}

    void print(const SearchResults& results) override {
        Json hits = Json::array();
        for (const Hit& hit : results.hits) hits.push_back(hit_to_json(hit, options_.fields));
        Json document = {
            {"output_version", kOutputVersion},
            {"query", results.query},
            {"offset", results.offset},
            {"matches",
             {{"lower_bound", results.matches_lower_bound},
              {"estimated", results.matches_estimated},
              {"upper_bound", results.matches_upper_bound}}},
            {"fell_back_to_any", results.fell_back_to_any},
            {"read_as_plain_words", results.read_as_plain_words},
            {"did_you_mean",
             results.did_you_mean.empty() ? Json(nullptr) : Json(results.did_you_mean)},
            {"hits", hits},
            {"facets", facets_to_json(results)},
            {"missing_shards", missing_to_json(results.missing_shards)},
        };
        if (options_.explain) document["explanation"] = results.explanation;
        out_ << dump(document) << '\n';
    }

    void print_failure(std::size_t, const std::string& query, const std::string& message) override {
        out_ << dump({{"output_version", kOutputVersion}, {"query", query}, {"error", message}})
             << '\n';
    }

  private:
    std::ostream& out_;
    PrintOptions options_;
};

class JsonLinesPrinter : public ResultPrinter {
  public:
    JsonLinesPrinter(std::ostream& out, const PrintOptions& options)
        : out_(out), options_(options) {}

    void print(const SearchResults& results) override {
        for (const Hit& hit : results.hits) {
            Json object = hit_to_json(hit, options_.fields);
            if (options_.batch) {
                object["query_line"] = line_;
                object["query"] = results.query;
            }
            out_ << dump(object) << '\n';
        }
        // Facet counts after the hits, one line per value: a line with a "facet" key is a
        // count, any other a hit (docs/output.md).
        for (const auto& [name, counts] : results.facets) {
            for (const FacetCount& c : counts) {
                Json object = {{"output_version", kOutputVersion},
                               {"facet", name},
                               {"value", c.value},
                               {"count", c.count}};
                if (c.type) object["type"] = entity_type_name(*c.type);
                if (options_.batch) {
                    object["query_line"] = line_;
                    object["query"] = results.query;
                }
                out_ << dump(object) << '\n';
            }
        }
    }

    void begin_query(std::size_t line, const std::string&) override { line_ = line; }

    void print_failure(std::size_t line, const std::string& query,
                       const std::string& message) override {
        out_ << dump({{"query_line", line}, {"query", query}, {"error", message}}) << '\n';
    }

  private:
    std::ostream& out_;
    PrintOptions options_;
    std::size_t line_ = 0;
};

}  // namespace

std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out, const PrintOptions& options) {
    return std::make_unique<JsonPrinter>(out, options);
}

std::unique_ptr<ResultPrinter> make_json_lines_printer(std::ostream& out,
                                                       const PrintOptions& options) {
    return std::make_unique<JsonLinesPrinter>(out, options);
}

}  // namespace newsindex::searcher

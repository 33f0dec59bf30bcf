// Counting facet values over every match of a query: a Xapian MatchSpy that counts, in each
// matching document, the terms under one prefix (authors, sites, years, months).
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entity_type.h"

namespace newsindex::searcher {

struct FacetCount {
    std::string value;  // the term without its prefix, e.g. "Reuters", "2022", "202201"
    Xapian::doccount count = 0;
    // The entity facet only: the entity's type (the value is then the canonical name without
    // its type letter); nullopt for other facets.
    std::optional<EntityType> type;
};

// With a value slot (slot >= 0), it counts the value in that slot instead: the same values,
// for a facet with one per article, without reading each match's term list.
class TermFacetSpy : public Xapian::MatchSpy {
  public:
    explicit TermFacetSpy(std::string prefix, int slot = -1)
        : prefix_(std::move(prefix)), slot_(slot) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new TermFacetSpy(prefix_, slot_); }
    std::string name() const override { return "newsindex::TermFacetSpy"; }
    std::string serialise() const override { return std::to_string(slot_) + " " + prefix_; }
    Xapian::MatchSpy* unserialise(const std::string& serialised,
                                  const Xapian::Registry&) const override {
        const std::size_t space = serialised.find(' ');
        return new TermFacetSpy(serialised.substr(space + 1),
                                std::stoi(serialised.substr(0, space)));
    }
    std::string serialise_results() const override;
    void merge_results(const std::string& serialised) override;
    std::string get_description() const override { return "TermFacetSpy(" + prefix_ + ")"; }

    // Forgets the counts, to spy on another run of the same Enquire.
    void reset() { counts_.clear(); }

    // Every value seen, most frequent first, ties in value order.
    std::vector<FacetCount> counts() const;

  private:
    std::string prefix_;
    int slot_;
    std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace newsindex::searcher

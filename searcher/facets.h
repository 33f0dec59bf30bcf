// Counting facet values over every match of a query (searcher --facet): Xapian's value counts
// for facets with one value per article, a match spy of our own for those with several.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entity_type.h"
#include "schema.h"

namespace newsindex::searcher {

struct FacetCount {
    std::string value;  // the term without its prefix, e.g. "Reuters", "2022", "202201"
    Xapian::doccount count = 0;
    // The entity facet only: the entity's type (the value is then the canonical name without
    // its type letter); nullopt for other facets.
    std::optional<EntityType> type;
};

// Counts, in each matching document, the terms under one prefix: the facets with several
// values per article (authors, entities). xapian-tcpsrv cannot run it (it knows only Xapian's
// own match spies), so over remote shards the searcher counts it itself (FacetCounter).
class TermFacetSpy : public Xapian::MatchSpy {
  public:
    explicit TermFacetSpy(std::string prefix) : prefix_(std::move(prefix)) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new TermFacetSpy(prefix_); }
    std::string name() const override { return "newsindex::TermFacetSpy"; }
    std::string serialise() const override { return prefix_; }
    Xapian::MatchSpy* unserialise(const std::string& serialised,
                                  const Xapian::Registry&) const override {
        return new TermFacetSpy(serialised);
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
    std::map<std::string, Xapian::doccount> counts_;
};

// One facet's counting over the matches of a search. A facet with one value per article and a
// value slot (schema::Facet::slot: site, year, month) is counted by Xapian's own
// ValueCountMatchSpy, which reads the slot without the term list and also runs on remote
// shards; the others by TermFacetSpy. Not thread-safe.
class FacetCounter {
  public:
    explicit FacetCounter(const schema::Facet& facet);

    // The spy to add to an Enquire (Enquire::add_matchspy()); owned by this counter.
    Xapian::MatchSpy& spy();
    // Whether xapian-tcpsrv can run the spy where the documents are.
    bool runs_remotely() const { return values_ != nullptr; }
    // Adds the counts of other, a clone of spy() that counted matches by hand (for a spy the
    // remote shards cannot run).
    void merge(const Xapian::MatchSpy& other) { spy().merge_results(other.serialise_results()); }
    // Forgets the counts, to count another run of the same Enquire (a new spy, which must
    // be added again).
    void reset();

    const schema::Facet& facet() const { return facet_; }
    // Every value counted, most frequent first, ties in value order.
    std::vector<FacetCount> counts() const;

  private:
    const schema::Facet& facet_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> values_;  // a facet with a slot
    std::unique_ptr<TermFacetSpy> terms_;                 // the others
};

}  // namespace newsindex::searcher

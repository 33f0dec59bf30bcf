// Where the changes an IndexWriter decides go. ShardSink writes them to the shards of a
// database; DrySink (a dry run, --dry-run) drops them. The writer decides what changes and
// counts it; the sink alone touches the databases, so that a dry run differs from a run only
// where it must: it cannot read back what it did not write (IndexWriter's constructor, in
// writer.h, says what a dry run counts). Not thread-safe.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace newsindex::indexer {

class IndexSink {
  public:
    virtual ~IndexSink() = default;

    // Whether changes reach the database, to be read back by the writer: false for a dry run.
    virtual bool writes() const = 0;

    // The document whose unique term is id_term in shard becomes doc (added when none is).
    virtual void replace(std::size_t shard, const std::string& id_term,
                         const Xapian::Document& doc) = 0;
    // Document docid of shard (its own numbering) becomes doc.
    virtual void replace(std::size_t shard, Xapian::docid docid, const Xapian::Document& doc) = 0;
    virtual void remove(std::size_t shard, Xapian::docid docid) = 0;
    // Adds frequency to word's count in shard's spelling data.
    virtual void add_spelling(std::size_t shard, const std::string& word,
                              Xapian::termcount frequency) = 0;

    // Sets a metadata key of shard (an empty value deletes it) when write_metadata() is next
    // called: a file's state must not reach the disk before its documents do.
    virtual void set_metadata_later(std::size_t shard, std::string key, std::string value) = 0;
    // Whether set_metadata_later() holds something.
    virtual bool metadata_waiting() const = 0;
    // Writes what set_metadata_later() holds into the shards (uncommitted).
    virtual void write_metadata() = 0;
    // Commits every shard, side by side when there are several. Throws Xapian::Error (the
    // first shard's that failed, once every shard's commit has ended).
    virtual void commit() = 0;

    // The shards written to, for what works on databases directly (the collection's names,
    // EntityAliases and rename_in_documents()); null for a dry run.
    virtual std::vector<Xapian::WritableDatabase>* shards() = 0;
};

// Writes to shards, which must outlive the sink.
class ShardSink : public IndexSink {
  public:
    explicit ShardSink(std::vector<Xapian::WritableDatabase>& shards) : shards_(shards) {}

    bool writes() const override { return true; }
    void replace(std::size_t shard, const std::string& id_term,
                 const Xapian::Document& doc) override {
        shards_[shard].replace_document(id_term, doc);
    }
    void replace(std::size_t shard, Xapian::docid docid, const Xapian::Document& doc) override {
        shards_[shard].replace_document(docid, doc);
    }
    void remove(std::size_t shard, Xapian::docid docid) override {
        shards_[shard].delete_document(docid);
    }
    void add_spelling(std::size_t shard, const std::string& word,
                      Xapian::termcount frequency) override {
        shards_[shard].add_spelling(word, frequency);
    }
    void set_metadata_later(std::size_t shard, std::string key, std::string value) override {
        waiting_.push_back({shard, std::move(key), std::move(value)});
    }
    bool metadata_waiting() const override { return !waiting_.empty(); }
    void write_metadata() override;
    void commit() override;
    std::vector<Xapian::WritableDatabase>* shards() override { return &shards_; }

  private:
    struct Metadata {
        std::size_t shard;
        std::string key, value;
    };
    std::vector<Xapian::WritableDatabase>& shards_;
    std::vector<Metadata> waiting_;
};

// Drops every change: a dry run.
class DrySink : public IndexSink {
  public:
    bool writes() const override { return false; }
    void replace(std::size_t, const std::string&, const Xapian::Document&) override {}
    void replace(std::size_t, Xapian::docid, const Xapian::Document&) override {}
    void remove(std::size_t, Xapian::docid) override {}
    void add_spelling(std::size_t, const std::string&, Xapian::termcount) override {}
    void set_metadata_later(std::size_t, std::string, std::string) override {}
    bool metadata_waiting() const override { return false; }
    void write_metadata() override {}
    void commit() override {}
    std::vector<Xapian::WritableDatabase>* shards() override { return nullptr; }
};

}  // namespace newsindex::indexer

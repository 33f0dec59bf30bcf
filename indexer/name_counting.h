// Which article of an id the collection's names count (entity_aliases.h): the one whose text
// the id's document keeps, that of the first file in path order. Files come in any order (a
// new file may sort before one indexed last week), so an incremental run would otherwise
// count an article that a clean run over the same files never counts.
//
// The writer (writer.h) says what happens: the articles of a batch's files as they are read
// (learn()), the end of the batch (batch_written()), and the file whose documents it is making
// again (remaking()). Not thread-safe: the writer's one thread uses it.
#pragma once

#include <xapian.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "article.h"
#include "entity_aliases.h"

namespace newsindex::indexer {

class NameCounting {
  public:
    // The paths of the files holding a written document ("" for a shortened path term).
    using HoldersOf = std::function<std::vector<std::string>(Xapian::docid)>;

    // aliases: what counts the names. written: the documents written so far, all shards as
    // one. Both must outlive this object; neither is owned.
    NameCounting(EntityAliases& aliases, const Xapian::Database& written, HoldersOf holders_of);

    // Counts what the article of id_term from the file at path ("" for standard input) says
    // about names (EntityAliases::learn()), unless a file before path in path order gives the
    // id: that file gave it earlier in the batch, or the id's document keeps its text.
    // Throws Xapian::Error from reading the written documents.
    void learn(const std::string& id_term, const Article& article, const std::string& path);

    // The batch is written: from now on the documents tell which file gave an id.
    void batch_written() { named_in_batch_.clear(); }

    // While a scope lives, the documents of the file at path are being made again, and the
    // file names an id only if it still gives it: ids, those it gives now, or nullopt when
    // they are not known (a file in parts), and then every id it gave still counts.
    class RemakingScope {
      public:
        RemakingScope(NameCounting& counting, std::string path,
                      std::optional<std::set<std::string>> ids);
        ~RemakingScope() { counting_.remaking_.reset(); }
        RemakingScope(const RemakingScope&) = delete;
        RemakingScope& operator=(const RemakingScope&) = delete;

      private:
        NameCounting& counting_;
    };

  private:
    bool named_by_earlier_file(const std::string& id_term, const std::string& path) const;

    EntityAliases& aliases_;
    const Xapian::Database& written_;
    HoldersOf holders_of_;
    // Ids named this batch, by the first file in path order; the batch is not written yet.
    std::unordered_map<std::string, std::string> named_in_batch_;
    struct Remaking {
        std::string path;
        std::optional<std::set<std::string>> ids;
    };
    std::optional<Remaking> remaking_;
};

}  // namespace newsindex::indexer

// indexer --inspect: what the readers make of files, without touching any database. One JSON
// object per article on the output (JSON Lines), as docs/indexer.md describes.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "formats/reader.h"

namespace newsindex::indexer {

// Reads each file with read_article_file() and writes one line per article to out. Calls
// report with the message of each problem (a file that cannot be read, a bad record) and
// goes on. Returns the number of problems.
std::size_t inspect_files(const std::vector<std::string>& paths, const ReadOptions& options,
                          std::ostream& out, const std::function<void(const std::string&)>& report);

}  // namespace newsindex::indexer

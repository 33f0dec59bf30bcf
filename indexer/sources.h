// The sources a database was indexed from, recorded in its metadata (docs/schema.md,
// "Metadata keys"), so that --rebuild can index them all again, carry over what cannot be
// read again (articles from standard input), and refuse to drop what it was not given.
// Keys live in the first shard. Pure functions over a database handle; not thread-safe
// beyond what Xapian::Database is.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::indexer {

// "source:dir:" + absolute path: a directory named as an input; value: the whole path.
inline constexpr std::string_view kSourceDirPrefix = "source:dir:";
// "source:file:" + absolute path: a file named as an input, on the command line or in a
// --files-from list; value: the whole path, then for a listed file a NUL byte and the list
// ("-": standard input).
inline constexpr std::string_view kSourceFilePrefix = "source:file:";
// "source:list:" + absolute path of a --files-from list, or "-"; value: the same.
inline constexpr std::string_view kSourceListPrefix = "source:list:";
// "source:stdin:" + stream stamp (UTC time and process id): a JSON Lines stream read from
// standard input; value: the number of documents it gave.
inline constexpr std::string_view kSourceStdinPrefix = "source:stdin:";
// "stdin:" + an article's id term (cut as file keys are): a document that came from
// standard input; value: the stream stamp, a space, and the whole id term.
inline constexpr std::string_view kStdinDocumentPrefix = "stdin:";

// The metadata key of a source or stdin document: prefix + name, cut like schema::file_key
// (the first 180 bytes, "#" and a hash) when it would pass Xapian's key limit.
std::string source_key(std::string_view prefix, std::string_view name);

struct RecordedFile {
    std::string path;
    std::string list;  // the --files-from list that named it ("-": standard input), or empty
};

struct RecordedSources {
    // False for a database with documents and no source records: made before sources were
    // recorded, so what it was indexed from is unknown.
    bool known = true;
    std::vector<std::string> directories;
    std::vector<RecordedFile> files;
    std::vector<std::string> lists;
    std::vector<std::string> stdin_streams;  // stamps
    std::size_t stdin_documents = 0;         // documents recorded under "stdin:"
};

// Reads the records of the database whose first shard is first_shard; documents is the
// document count of the whole database. Throws Xapian::Error.
RecordedSources read_sources(const Xapian::Database& first_shard, Xapian::doccount documents);

// What a rebuild from inputs (absolute, lexically normal paths; "-" for standard input) and
// the --files-from list files_from (absolute, "-", or empty) would drop of recorded: each
// recorded directory or file not equal to or under an input, each file that a list gave
// unless that list is given again. Standard-input documents are carried over, never dropped.
// Returns the dropped sources for a message, directories first.
std::vector<std::string> sources_not_covered(const RecordedSources& recorded,
                                             const std::vector<std::string>& inputs,
                                             const std::string& files_from);

// The inputs that index recorded again: its directories, and its files that lie in none of
// them (whether named or listed).
std::vector<std::string> inputs_of(const RecordedSources& recorded);

// A stamp for a new standard-input stream: UTC time and process id.
std::string new_stream_stamp();

}  // namespace newsindex::indexer

// gzip decompression of input files (zlib). Thread-safe; no state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsindex {

// True when bytes start with the gzip magic number (1F 8B).
bool is_gzip(std::string_view bytes);

// Returns the decompressed bytes of every gzip member in bytes, one after the other, as
// gunzip(1) writes them; bytes after the last member that do not start another member are
// ignored, as gunzip(1) does. Output is produced in bounded steps and stops as soon as it
// passes max_bytes, so a small "zip bomb" costs no more memory than max_bytes.
// Throws InputError naming source when the stream ends before a member is complete
// ("truncated gzip"), when it is corrupt ("corrupt gzip: ..."), or when the output would be
// larger than max_bytes.
std::string gunzip(std::string_view bytes, const std::string& source, std::size_t max_bytes);

}  // namespace newsindex

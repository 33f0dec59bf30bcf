// gzip decompression of input files (zlib). Thread-safe; no state.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsindex {

// True when bytes start with the gzip magic number (1F 8B).
bool is_gzip(std::string_view bytes);

// Returns the decompressed bytes of every gzip member in bytes, one after the other, as
// gunzip(1) writes them; zero bytes after the last member are ignored, as gunzip(1) does.
// The size is learned first, in bounded steps that stop as soon as it passes max_bytes, so a
// small "zip bomb" costs no memory and a good file costs its decompressed size, no more.
// Throws InputError naming source when the stream ends before a member is complete
// ("truncated gzip"), when it is corrupt ("corrupt gzip: ..."), when other bytes follow the
// last member ("corrupt gzip: N bytes of trailing data ..."), or when the output would be
// larger than max_bytes.
std::string gunzip(std::string_view bytes, const std::string& source, std::size_t max_bytes);

}  // namespace newsindex

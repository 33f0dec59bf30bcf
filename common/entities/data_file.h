// Reading the recogniser's data files (the model, the ISO code lists) whole, in one call.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace newsindex::entities {

// The bytes of `file` in `bytes`. Returns false, with `bytes` unspecified, when the file cannot
// be opened or read to its end; throws nothing but std::bad_alloc. Every indexer that finds
// entities reads these files at start, and reading a megabyte through stream iterators, a
// character at a time, cost several milliseconds per file.
inline bool read_data_file(const std::filesystem::path& file, std::string& bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in || !in.seekg(0, std::ios::end)) return false;
    const std::streamoff size = in.tellg();
    if (size < 0 || !in.seekg(0, std::ios::beg)) return false;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), size);
    return in.gcount() == size;
}

}  // namespace newsindex::entities

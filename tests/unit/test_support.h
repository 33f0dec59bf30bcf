// Helpers shared by the unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

// True in an AddressSanitizer build, where every memory access is checked and code runs several
// times slower: tests that push large inputs through to show a linear cost use smaller ones
// there (quadratic work still shows at a fifth of the size).
#if defined(__SANITIZE_ADDRESS__)  // GCC
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)  // Clang
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// Directory of the fixture files; the build passes it in.
inline std::filesystem::path test_data_dir() {
    return NEWSINDEX_TEST_DATA_DIR;
}

inline std::string read_fixture(const std::string& relative) {
    std::ifstream in(test_data_dir() / relative, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// piece, times times over.
inline std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// Writes bytes to path, making its parent directories; a test that cannot write its own input
// fails where it reads it back.
inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh directory under the system temporary directory, removed with the object.
class TempDir {
  public:
    TempDir() {
        std::random_device random;
        path_ =
            std::filesystem::temp_directory_path() / ("newsindex-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

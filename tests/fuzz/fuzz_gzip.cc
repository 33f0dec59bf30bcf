// libFuzzer target: gunzip with a size limit, then format detection and the reader it picks,
// as read_article_file does for a .gz file.
#include "formats/gzip.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kLimit = 1u << 20;
    std::string inflated;
    try {
        inflated = newsindex::gunzip(newsindex::fuzz::bytes_of(data, size), "fuzz-input", kLimit);
    } catch (const newsindex::InputError& error) {
        newsindex::fuzz::require(error.source() == "fuzz-input");
        return 0;
    }
    newsindex::fuzz::require(inflated.size() <= kLimit);
    if (!inflated.empty()) {
        newsindex::fuzz::read_as(inflated, newsindex::detect_format("fuzz-input.gz", inflated));
    }
    return 0;
}

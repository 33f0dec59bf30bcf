// libFuzzer target: the html reader through read_articles.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsindex::fuzz::read_as(newsindex::fuzz::bytes_of(data, size), newsindex::Format::Html);
    return 0;
}

// libFuzzer target: the JSON and JSON Lines readers through read_articles. Every input goes
// to both: a JSON document is a likely malformed JSON Lines file and the other way round.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = newsindex::fuzz::bytes_of(data, size);
    newsindex::fuzz::read_as(bytes, newsindex::Format::Json);
    newsindex::fuzz::read_as(bytes, newsindex::Format::JsonLines);
    return 0;
}

// Shared by the libFuzzer targets: run one reader over the fuzz input and check what it
// promises. A broken promise traps, which libFuzzer reports as a crash with the input saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "errors.h"
#include "formats/reader.h"
#include "text/utf8.h"

namespace newsindex::fuzz {

inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline void require(bool promise) {
    if (!promise) __builtin_trap();
}

// The contract of article.h and reader.h, as far as a machine can check it.
inline void check_article(const Article& article) {
    require(article.source_path == "fuzz-input");
    require(!article.title.empty() && article.title.find('\n') == std::string::npos);
    for (const std::string* value : {&article.title, &article.body, &article.date, &article.url,
                                     &article.record_key, &article.message_id}) {
        require(text::is_valid_utf8(*value));
    }
    for (const auto* list :
         {&article.authors, &article.tags, &article.related, &article.photo_credits}) {
        for (const std::string& value : *list)
            require(!value.empty() && text::is_valid_utf8(value));
    }
    require(article.date.empty() || (article.date.size() >= 10 && article.date[4] == '-'));
}

// Reads bytes as format; InputError is an accepted outcome, anything else escapes and is a
// finding.
inline void read_as(std::string_view bytes, Format format) {
    ReadOptions options;
    options.max_file_bytes = 1u << 20;
    try {
        read_articles(
            bytes, "fuzz-input", format, options, [](Article&& article) { check_article(article); },
            [](const InputError& problem) { require(problem.source() == "fuzz-input"); });
    } catch (const InputError& error) {
        require(error.source() == "fuzz-input");
    }
}

}  // namespace newsindex::fuzz

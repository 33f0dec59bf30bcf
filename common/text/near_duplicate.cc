#include "near_duplicate.h"

#include <array>
#include <limits>

namespace newsindex::text {

namespace {

// SplitMix64's finaliser: a bijection of 64-bit values whose outputs of related inputs look
// independent, which min-hashing needs of its hash functions.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 14695981039346656037ull) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Appends the hash of each word of text to hashes.
void add_word_hashes(std::string_view text, std::vector<std::uint64_t>& hashes) {
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        hashes.push_back(fnv1a(word));
        word.clear();
    };
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (!is_word_byte(u)) {
            flush();
        } else {
            word += (u >= 'A' && u <= 'Z') ? static_cast<char>(u - 'A' + 'a') : c;
        }
    }
    flush();
}

// The seed of the i-th hash function; fixed, since signatures are stored in databases.
std::uint64_t seed(std::size_t i) {
    return mix(0x6e6561722d647570ull + i);  // "near-dup"
}

}  // namespace

std::string near_duplicate_signature(std::string_view title, std::string_view body) {
    std::vector<std::uint64_t> words;
    add_word_hashes(title, words);
    add_word_hashes(body, words);
    if (words.empty()) return {};

    static const std::array<std::uint64_t, kSignatureValues> seeds = [] {
        std::array<std::uint64_t, kSignatureValues> s{};
        for (std::size_t i = 0; i < kSignatureValues; ++i) s[i] = seed(i);
        return s;
    }();
    std::array<std::uint64_t, kSignatureValues> minima;
    minima.fill(std::numeric_limits<std::uint64_t>::max());
    const std::size_t shingles = words.size() >= 3 ? words.size() - 2 : 1;
    for (std::size_t s = 0; s < shingles; ++s) {
        // Order matters within a shingle: "a b c" and "c b a" are different shingles.
        std::uint64_t shingle = mix(words[s]);
        for (std::size_t w = s + 1; w < words.size() && w < s + 3; ++w)
            shingle = mix(shingle ^ words[w]);
        for (std::size_t i = 0; i < kSignatureValues; ++i) {
            const std::uint64_t h = mix(shingle ^ seeds[i]);
            if (h < minima[i]) minima[i] = h;
        }
    }
    std::string signature(kSignatureBytes, '\0');
    for (std::size_t i = 0; i < kSignatureValues; ++i) {
        signature[2 * i] = static_cast<char>(minima[i] & 0xff);
        signature[2 * i + 1] = static_cast<char>((minima[i] >> 8) & 0xff);
    }
    return signature;
}

std::size_t agreeing_values(std::string_view a, std::string_view b) {
    if (a.size() != kSignatureBytes || b.size() != kSignatureBytes) return 0;
    std::size_t agreeing = 0;
    for (std::size_t i = 0; i < kSignatureBytes; i += 2)
        agreeing += (a[i] == b[i] && a[i + 1] == b[i + 1]) ? 1 : 0;
    return agreeing;
}

double estimated_similarity(std::string_view a, std::string_view b) {
    return static_cast<double>(agreeing_values(a, b)) / kSignatureValues;
}

bool near_duplicates(std::string_view a, std::string_view b) {
    return agreeing_values(a, b) >= kNearDuplicateAgreeing;
}

std::vector<std::uint64_t> near_duplicate_bands(std::string_view signature) {
    if (signature.size() != kSignatureBytes) return {};
    constexpr std::size_t kBands = kSignatureValues - kNearDuplicateAgreeing + 1;
    std::vector<std::uint64_t> keys;
    keys.reserve(kBands);
    // Band b holds values [b * n / kBands, (b + 1) * n / kBands): sizes differ by one at most.
    for (std::size_t b = 0; b < kBands; ++b) {
        const std::size_t first = b * kSignatureValues / kBands;
        const std::size_t end = (b + 1) * kSignatureValues / kBands;
        keys.push_back(mix(fnv1a(signature.substr(2 * first, 2 * (end - first))) ^ mix(b)));
    }
    return keys;
}

}  // namespace newsindex::text

// Near-duplicate signatures (common/text/near_duplicate.h) and the search-time folding built
// on them (searcher/collapse.h).
#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "collapse.h"
#include "text/near_duplicate.h"

using namespace newsindex;

namespace {

const std::string kStrikeBody =
    "Grain shipments out of the port came to a standstill on Monday after about 1,200 "
    "dockworkers walked off the job in a dispute over automated cranes, leaving a dozen bulk "
    "carriers waiting at anchor. The union says the port authority broke a promise made in 2019 "
    "to consult workers before installing machinery that could replace crane operators. Port "
    "officials said they had offered retraining for every worker affected and would seek an "
    "injunction in the regional court later this week. Talks are expected to resume on "
    "Wednesday with a government mediator present.";

enum class Relation { Equal, Near, Far };

}  // namespace

TEST_CASE("signatures: equal for the same words, near for small edits, far for other stories",
          "[near_duplicate]") {
    auto [title_a, body_a, title_b, body_b, relation] =
        GENERATE(table<std::string, std::string, std::string, std::string, Relation>({
            // Case, punctuation and spacing are not words.
            {"Strike Halts Grain Exports", kStrikeBody, "STRIKE halts grain-exports!",
             "  " + kStrikeBody + "\n", Relation::Equal},
            // A headline a letter apart, the body the same.
            {"Strike Halts Grain Exports", kStrikeBody, "Strike Halts Grain Exprts", kStrikeBody,
             Relation::Near},
            // A corrected figure and another weekday.
            {"Strike Halts Grain Exports", kStrikeBody, "Strike Halts Grain Exports",
             std::string(kStrikeBody)
                 .replace(kStrikeBody.find("1,200"), 5, "1,300")
                 .replace(kStrikeBody.find("Wednesday"), 9, "Thursday"),
             Relation::Near},
            // One headline, another story.
            {"Fed Holds Rates Steady",
             "The Federal Reserve left its benchmark rate unchanged on Wednesday, saying the "
             "cooling of the jobs market gave it room to wait for more data.",
             "Fed Holds Rates Steady",
             "Policymakers kept interest rates where they were at their June meeting, the first "
             "pause after ten straight increases, while signalling two more moves.",
             Relation::Far},
            {"Strike Halts Grain Exports", kStrikeBody, "Fed Holds Rates Steady",
             "The Federal Reserve left its benchmark rate unchanged on Wednesday.", Relation::Far},
            // Word order counts: the same words shuffled share few shingles.
            {"one two three four five six", "", "six five four three two one", "", Relation::Far},
        }));
    const std::string a = text::near_duplicate_signature(title_a, body_a);
    const std::string b = text::near_duplicate_signature(title_b, body_b);
    REQUIRE(a.size() == text::kSignatureBytes);
    REQUIRE(b.size() == text::kSignatureBytes);
    INFO("estimated similarity " << text::estimated_similarity(a, b));
    switch (relation) {
        case Relation::Equal:
            CHECK(a == b);
            break;
        case Relation::Near:
            CHECK(a != b);
            CHECK(text::near_duplicates(a, b));
            break;
        case Relation::Far:
            CHECK_FALSE(text::near_duplicates(a, b));
            CHECK(text::estimated_similarity(a, b) < 0.3);
            break;
    }
}

TEST_CASE("signatures: no words give no signature, which matches nothing", "[near_duplicate]") {
    auto [title, body, empty] = GENERATE(table<std::string, std::string, bool>({
        {"", "", true},
        {"--- ...", "\n\n", true},
        {"Alone", "", false},  // fewer than three words: one shingle
        {"", "two words", false},
    }));
    const std::string signature = text::near_duplicate_signature(title, body);
    CHECK(signature.empty() == empty);
    CHECK(text::near_duplicates(signature, signature) == !empty);
    CHECK(text::near_duplicate_bands(signature).empty() == empty);
    CHECK(text::agreeing_values(signature, "short") == 0);
}

TEST_CASE("signatures: near-duplicates always share a band", "[near_duplicate]") {
    // Signatures differing in exactly `changed` values, spread or bunched.
    auto [changed, stride] = GENERATE(table<std::size_t, std::size_t>({
        {text::kSignatureValues - text::kNearDuplicateAgreeing, 1},
        {text::kSignatureValues - text::kNearDuplicateAgreeing, 3},
        {text::kSignatureValues - text::kNearDuplicateAgreeing, 7},
        {text::kSignatureValues - text::kNearDuplicateAgreeing + 1, 3},
    }));
    const std::string a = text::near_duplicate_signature("A Headline", kStrikeBody);
    std::string b = a;
    for (std::size_t n = 0, i = 0; n < changed; ++n, i = (i + stride) % text::kSignatureValues) {
        while (b[2 * i] != a[2 * i]) i = (i + 1) % text::kSignatureValues;  // not twice
        b[2 * i] = static_cast<char>(a[2 * i] ^ 0x5a);
    }
    REQUIRE(text::agreeing_values(a, b) == text::kSignatureValues - changed);
    const auto bands_a = text::near_duplicate_bands(a), bands_b = text::near_duplicate_bands(b);
    REQUIRE(bands_a.size() == bands_b.size());
    bool shared = false;
    for (std::size_t i = 0; i < bands_a.size(); ++i) shared = shared || bands_a[i] == bands_b[i];
    if (text::near_duplicates(a, b)) CHECK(shared);
    CHECK(text::near_duplicates(a, b) ==
          (changed <= text::kSignatureValues - text::kNearDuplicateAgreeing));
}

TEST_CASE("folding keeps the first of each story and counts its copies", "[near_duplicate]") {
    const std::string strike = text::near_duplicate_signature("Strike Halts Grain", kStrikeBody);
    const std::string strike_copy =
        text::near_duplicate_signature("Strike Halts Grian", kStrikeBody);
    const std::string fed = text::near_duplicate_signature(
        "Fed Holds Rates Steady", "The Federal Reserve left its benchmark rate unchanged.");
    // A signature between two kept ones must not chain them: b agrees with a and c enough,
    // a and c do not agree with each other.
    std::string chain_a = strike, chain_c = strike;
    const std::size_t spare = text::kSignatureValues - text::kNearDuplicateAgreeing;
    for (std::size_t i = 0; i < 2 * spare; ++i) {
        std::string& s = i < spare ? chain_a : chain_c;
        s[2 * i] = static_cast<char>(s[2 * i] ^ 0x33);
    }
    REQUIRE(text::near_duplicates(chain_a, strike));
    REQUIRE(text::near_duplicates(strike, chain_c));
    REQUIRE_FALSE(text::near_duplicates(chain_a, chain_c));

    using searcher::MatchText;
    const long day = searcher::day_of_date_value("20230807");
    using Folds = std::vector<std::pair<std::size_t, std::size_t>>;  // (index, folded)
    auto [matches, expected] = GENERATE_COPY(table<std::vector<MatchText>, Folds>({
        {{}, {}},
        {{{strike, day}, {fed, day}, {strike_copy, day}, {strike, day}}, {{0, 2}, {1, 0}}},
        // No signature: never folded.
        {{{fed, day}, {"", day}, {"", day}, {fed, day}}, {{0, 1}, {1, 0}, {2, 0}}},
        // Only kept matches absorb others: no chains.
        {{{chain_a, day}, {strike, day}, {chain_c, day}}, {{0, 1}, {2, 0}}},
        {{{strike, day}, {chain_a, day}, {chain_c, day}}, {{0, 2}}},
        // The same text on the next day is a repeat; two days later, another day's report.
        {{{fed, day}, {fed, day + 1}, {fed, day - 1}, {fed, day + 2}}, {{0, 2}, {3, 0}}},
        // Without a date, the text decides.
        {{{fed, day}, {fed, -1}, {fed, day + 30}}, {{0, 1}, {2, 0}}},
    }));
    Folds got;
    for (const searcher::KeptMatch& k : searcher::fold_near_duplicates(matches))
        got.emplace_back(k.index, k.folded);
    CHECK(got == expected);
}

TEST_CASE("folding reads days from the date slot's YYYYMMDD", "[near_duplicate]") {
    auto [value, day] = GENERATE(table<std::string, long>({
        {"19700101", 0},
        {"19700102", 1},
        {"19870331", 6298},
        {"19870401", 6299},
        {"20000229", 11016},
        {"20000301", 11017},
        {"", -1},
        {"2023-08-07", -1},
        {"20231301", -1},
        {"2023080x", -1},
    }));
    CHECK(searcher::day_of_date_value(value) == day);
}

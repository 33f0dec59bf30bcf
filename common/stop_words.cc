#include "stop_words.h"

#include <algorithm>
#include <map>

#include "text/fold.h"
#include "text/strings.h"

namespace newsindex {

namespace {

struct LanguageStopWords {
    std::string_view code;
    std::string_view words;  // separated by spaces, written as the language writes them
};

// Chosen here for queries: the commonest function words of each language, leaving out those
// that are also common content words (English "may", German "Mai", Dutch "haar": "her" and
// "hair"; French "été", "son", "car": "summer", "sound", "coach"; "era" of es, it, pt). English is
// the list the searcher has always used (docs/ranking.md).
constexpr LanguageStopWords kStopWords[] = {
    {"en",
     "a about an and are as at be been but by can did do does for from had has have he her his "
     "how i if in into is it its me my of on or our she so than that the their them then there "
     "these they this those to was we were what when where which who whom why will with would "
     "you your"},
    {"de",
     "der die das den dem des ein eine einer eines einem einen und oder aber als auch auf aus "
     "bei bis durch für gegen in im ins mit nach nur über um unter von vom vor zu zum zur ist "
     "sind war waren wird werden wurde wurden hat haben hatte hatten es er sie wir ihr ich du "
     "man sich nicht kein keine keinen dass daß wie wo was wer wenn ob so am an dieser diese "
     "dieses diesem diesen sowie doch noch schon sehr"},
    {"fr",
     "le la les l un une des du de d au aux et ou mais donc ni que qu qui quoi dont où ce cet "
     "cette ces se sa ses leur leurs il ils elle elles on nous vous je tu ne n pas "
     "est sont était étaient être a ont avait avoir dans par pour sur avec sans sous entre "
     "chez en y comme si lui"},
    {"es",
     "el la los las lo un una unos unas y e o u pero ni que de del a al en con por para sin "
     "sobre entre hasta desde se su sus le les me te nos os él ella ellos ellas es son fue "
     "fueron ser está están ha han había como cuando donde muy más ya no este esta "
     "estos estas ese esa esos esas"},
    {"it",
     "il lo la i gli le l un uno una di del dello della dei degli delle a al allo alla ai agli "
     "alle da dal dalla dai in nel nello nella nei con su sul sulla per tra fra e ed o ma che "
     "chi non si è sono erano ha hanno aveva essere come anche più questo questa questi "
     "queste quello quella"},
    {"pt",
     "o a os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas "
     "para com sem e ou mas que se não é são foi foram ser está estão tem têm como mais "
     "muito ao aos à às seu sua seus suas ele ela eles elas este esta isso isto"},
    {"nl",
     "de het een en of maar dat die dit deze van in op te aan met voor door naar bij uit over "
     "om tot als is zijn was waren wordt worden werd werden heeft hebben had niet geen ook er "
     "hij zij ze wij we ik je u hun zich wat wie waar hoe nog al dan"},
    {"ru",
     "и в во не что он она они оно на я с со как а то все так его но да ты к у же вы за бы по "
     "только ее её мне было вот от меня еще ещё нет о об из ему когда даже ли если уже или ни "
     "быть был была были него до вас для мы их чем это этот эта эти там где есть"},
};

std::vector<std::string> folded_words(std::string_view words) {
    std::vector<std::string> list;
    std::size_t start = 0;
    while (start < words.size()) {
        std::size_t end = words.find(' ', start);
        if (end == std::string_view::npos) end = words.size();
        if (end > start) {
            list.push_back(
                text::ascii_lower(text::fold_for_search(words.substr(start, end - start))));
        }
        start = end + 1;
    }
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

}  // namespace

const std::vector<std::string>& query_stop_words(std::string_view primary_language) {
    static const std::map<std::string_view, std::vector<std::string>> lists = [] {
        std::map<std::string_view, std::vector<std::string>> folded;
        for (const LanguageStopWords& entry : kStopWords)
            folded.emplace(entry.code, folded_words(entry.words));
        return folded;
    }();
    auto found = lists.find(primary_language);
    return found != lists.end() ? found->second : lists.at("en");
}

bool is_own_stop_word(std::string_view primary_language, const std::string& word) {
    if (primary_language.empty() || primary_language == "en") return false;
    const std::vector<std::string>& words = query_stop_words(primary_language);
    if (&words == &query_stop_words("en")) return false;
    return std::binary_search(words.begin(), words.end(), word);
}

}  // namespace newsindex

#include "text/fold.h"

#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "text/utf8.h"

namespace newsindex::text {

namespace {

// Letters that Unicode gives no decomposition into a base letter and a mark, and whose case
// folding keeps them: the stroke letters and the ligatures that are letters of their own in
// some language. Lower case only: capitals are case-folded before the table is read.
struct Replacement {
    char32_t code_point;
    std::string_view letters;
};
constexpr Replacement kNoDecomposition[] = {
    {0x00E6, "ae"},  // æ
    {0x00F0, "d"},   // ð
    {0x00F8, "o"},   // ø
    {0x00FE, "th"},  // þ
    {0x0111, "d"},   // đ
    {0x0127, "h"},   // ħ
    {0x0131, "i"},   // ı
    {0x0142, "l"},   // ł
    {0x0153, "oe"},  // œ
    {0x0167, "t"},   // ŧ
};

std::string_view replacement_of(char32_t code_point) {
    for (const Replacement& entry : kNoDecomposition)
        if (entry.code_point == code_point) return entry.letters;
    return {};
}

// Decomposition with case folding, dropping marks and default ignorables. COMPOSE here only
// tells utf8proc which normal form is wanted (STRIPMARK needs it); composing is a second step.
constexpr utf8proc_option_t kDecompose = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
constexpr utf8proc_option_t kCompose =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);

// Appends the folded form of run, valid UTF-8 without ASCII bytes, to out. Splitting the text
// at ASCII characters changes nothing: an ASCII character never decomposes, never composes
// with the character before it, and stops the reordering of combining marks.
void fold_run(std::string_view run, std::vector<utf8proc_int32_t>& code_points, std::string& out) {
    code_points.clear();
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(run.data());
    const auto size = static_cast<utf8proc_ssize_t>(run.size());
    // The longest decomposition in Unicode is 18 code points (U+FDFA).
    utf8proc_int32_t decomposed[32];
    constexpr auto kRoom = static_cast<utf8proc_ssize_t>(std::size(decomposed));
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code_point);
        if (length <= 0) {  // cannot happen after repair_utf8; keep the byte's place visible
            code_point = 0xFFFD;
            length = 1;
        }
        at += length;
        // Symbols keep their form: "Apple™" must stay the word "Apple", not become "AppleTM".
        const bool symbol = utf8proc_category(code_point) == UTF8PROC_CATEGORY_SO;
        const auto options =
            symbol ? kDecompose : static_cast<utf8proc_option_t>(kDecompose | UTF8PROC_COMPAT);
        int boundary_class = 0;
        const utf8proc_ssize_t count =
            utf8proc_decompose_char(code_point, decomposed, kRoom, options, &boundary_class);
        if (count < 0 || count > kRoom) {
            code_points.push_back(code_point);  // unknown to utf8proc: kept as it is
            continue;
        }
        code_points.insert(code_points.end(), decomposed, decomposed + count);
    }
    if (code_points.empty()) return;  // marks or ignorables only
    utf8proc_ssize_t count = utf8proc_normalize_utf32(
        code_points.data(), static_cast<utf8proc_ssize_t>(code_points.size()), kCompose);
    if (count < 0) count = static_cast<utf8proc_ssize_t>(code_points.size());  // uncomposed
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
        const auto code_point = static_cast<char32_t>(code_points[static_cast<std::size_t>(i)]);
        if (code_point < 0x80) {
            out.push_back(static_cast<char>(code_point));
        } else if (std::string_view letters = replacement_of(code_point); !letters.empty()) {
            out.append(letters);
        } else {
            append_utf8(out, code_point);
        }
    }
}

bool is_ascii(char c) {
    return (static_cast<unsigned char>(c) & 0x80) == 0;
}

}  // namespace

std::string fold_for_search(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), is_ascii)) return std::string(text);
    std::string repaired;
    if (!is_valid_utf8(text)) {
        repaired = repair_utf8(text);
        text = repaired;
    }
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::vector<utf8proc_int32_t> code_points;
    for (std::size_t at = 0; at < text.size();) {
        const auto run_end = std::find_if(text.begin() + at, text.end(), is_ascii);
        const auto end = static_cast<std::size_t>(run_end - text.begin());
        if (end > at) {
            fold_run(text.substr(at, end - at), code_points, out);
            at = end;
            continue;
        }
        const auto ascii_end = std::find_if_not(text.begin() + at, text.end(), is_ascii);
        const auto stop = static_cast<std::size_t>(ascii_end - text.begin());
        out.append(text, at, stop - at);
        at = stop;
    }
    return out;
}

}  // namespace newsindex::text

#include "cli/help.h"

#include <cctype>
#include <sstream>
#include <vector>

namespace po = boost::program_options;

namespace newsindex::cli {

namespace {

constexpr std::size_t kLineWidth = 80;
constexpr std::size_t kTextColumn = 26;

// Words of text laid out from column `indent` to kLineWidth; the first line continues `head`.
std::string wrapped(std::string head, const std::string& text) {
    std::istringstream words(text);
    std::string word, out;
    std::string line = std::move(head);
    bool line_has_words = false;
    while (words >> word) {
        if (line_has_words && line.size() + 1 + word.size() > kLineWidth) {
            out += line + "\n";
            line = std::string(kTextColumn, ' ');
            line_has_words = false;
        }
        if (line_has_words) line += ' ';
        line += word;
        line_has_words = true;
    }
    return out + line + "\n";
}

}  // namespace

std::string format_options(const po::options_description& options) {
    std::string out = "Options:\n";
    for (const auto& option : options.options()) {
        const std::string short_form =
            option->canonical_display_name(po::command_line_style::allow_dash_for_short);
        std::string names = "  ";
        names += short_form.size() == 2 && short_form[0] == '-' ? short_form + ", " : "    ";
        names += "--" + option->long_name();
        std::string description = option->description();
        if (option->semantic()->max_tokens() > 0) {
            // Boost names the value "arg", followed by " (=DEFAULT)" when there is one.
            std::string value = option->semantic()->name();
            const auto default_at = value.find(" (=");
            if (default_at != std::string::npos) {
                description += " (default: " + value.substr(default_at + 3);
                value.erase(default_at);
            }
            for (char& c : value)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            names += "=" + value;
        }
        if (names.size() + 2 > kTextColumn) {
            out += names + "\n";
            names = std::string(kTextColumn, ' ');
        } else {
            names.resize(kTextColumn, ' ');
        }
        out += wrapped(names, description);
    }
    return out;
}

}  // namespace newsindex::cli

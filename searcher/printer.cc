#include "printer.h"

namespace newsindex::searcher {

// Each defined in the file of its format.
std::unique_ptr<ResultPrinter> make_text_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<ResultPrinter> make_json_printer(std::ostream& out);

std::unique_ptr<ResultPrinter> make_printer(OutputFormat format, std::ostream& out,
                                            const PrintOptions& options) {
    switch (format) {
        case OutputFormat::Text:
            return make_text_printer(out, options);
        case OutputFormat::Json:
            return make_json_printer(out);
    }
    return nullptr;
}

bool parse_output_format(const std::string& name, OutputFormat& format) {
    if (name == "text")
        format = OutputFormat::Text;
    else if (name == "json")
        format = OutputFormat::Json;
    else
        return false;
    return true;
}

}  // namespace newsindex::searcher

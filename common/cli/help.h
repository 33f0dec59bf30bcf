// --help's option list in the GNU layout ("  -d, --db=DB   text"), which help2man turns into
// the manual pages' OPTIONS section: at least two spaces between an option and its text, and
// the text wrapped at 80 columns. Boost's own layout can leave a single space.
#pragma once

#include <boost/program_options.hpp>
#include <string>

namespace newsindex::cli {

// "Options:" and the options of `options`, one entry each: names, the value's name in capitals, the
// description and the default ("(default: 30)") when the option has one shown.
std::string format_options(const boost::program_options::options_description& options);

}  // namespace newsindex::cli

// Where readers of many-article files deliver their results.
#pragma once

#include <functional>

#include "article.h"
#include "errors.h"

namespace newsindex {

// Receives each article read; may throw, which stops the reading.
using ArticleSink = std::function<void(Article&&)>;
// Receives each bad record of a many-record file (a malformed JSON Lines line), after which
// reading goes on; may throw, which stops the reading.
using ProblemSink = std::function<void(const InputError&)>;

}  // namespace newsindex

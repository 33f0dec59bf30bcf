// SIGINT and SIGTERM during a run: the handler only records the signal, and the run checks
// stop_signal() between files, then commits what it has done and stops.
#pragma once

namespace newsindex::indexer {

// Installs the handlers for SIGINT and SIGTERM (and ignores SIGPIPE). Call once, from main,
// before any worker thread starts.
void install_stop_handlers();

// The signal number received since install_stop_handlers(), or 0. Async-signal-safe to set,
// safe to read from any thread.
int stop_signal();

}  // namespace newsindex::indexer

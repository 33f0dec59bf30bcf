#include "signals.h"

#include <csignal>

namespace newsindex::indexer {

namespace {
volatile std::sig_atomic_t received_signal = 0;

extern "C" void record_signal(int number) {
    received_signal = number;
}
}  // namespace

void install_stop_handlers() {
    struct sigaction action = {};
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a read blocked on a --files-from pipe must return so the run can stop.
    action.sa_flags = 0;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int stop_signal() {
    return received_signal;
}

}  // namespace newsindex::indexer

// Remote shards: how a failed shard is named, and how stubs that list remote shards are read
// (a stub naming an unreachable port, without a server to reach).
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <string>

#include "database.h"
#include "errors.h"
#include "test_support.h"

using namespace newsindex;
using std::chrono::milliseconds;

TEST_CASE("a network error names its remote shard and the problem", "[remote]") {
    auto [timed_out, context, timeout, message,
          name] = GENERATE(table<bool, std::string, long, std::string, std::string>({
        {true, "remote:tcp(127.0.0.1:47123)", 5000,
         "remote 127.0.0.1:47123 did not answer within 5 s", "remote 127.0.0.1:47123"},
        {true, "remote:tcp(news1:33333)", 1500, "remote news1:33333 did not answer within 1.5 s",
         "remote news1:33333"},
        {false, "remote:tcp(10.0.0.12:33333)", 1000,
         "remote 10.0.0.12:33333 could not be reached: Couldn't connect", "remote 10.0.0.12:33333"},
        {true, "remote:prog(xapian-progsrv /srv/db)", 2000,
         "remote :xapian-progsrv /srv/db did not answer within 2 s",
         "remote :xapian-progsrv /srv/db"},
        // A context of another form is kept as it is.
        {true, "", 1000, "remote  did not answer within 1 s", "remote "},
    }));
    std::string got_name;
    if (timed_out) {
        const Xapian::NetworkTimeoutError error("Timeout expired", context);
        CHECK(describe_network_error(error, milliseconds(timeout), &got_name) == message);
    } else {
        const Xapian::NetworkError error("Couldn't connect", context);
        CHECK(describe_network_error(error, milliseconds(timeout), &got_name) == message);
    }
    CHECK(got_name == name);
}

TEST_CASE("a stub's remote shard that cannot be reached is named, or left out", "[remote]") {
    TempDir dir;
    const std::string stub = (dir.path() / "news.stub").string();
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    std::ofstream(stub) << "# two shards\nremote 127.0.0.1:1\n\nremote [::1]:1\n";
    RemoteOptions remote;
    remote.timeout = milliseconds(2000);
    try {
        open_readable({stub}, remote);
        FAIL("opened a stub whose shard does not answer");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("database " + stub +
                                         ": remote 127.0.0.1:1 could not be reached") == 0);
    }
    remote.partial = true;
    try {
        open_readable({stub}, remote);
        FAIL("opened a stub none of whose shards answers");
    } catch (const DatabaseError& e) {
        CHECK(std::string(e.what()).find("no shard answered (remote 127.0.0.1:1 could not") !=
              std::string::npos);
    }
}

TEST_CASE("a stub line without a valid port is an error naming the stub", "[remote]") {
    const std::string line = GENERATE("remote 127.0.0.1", "remote 127.0.0.1:", "remote host:0",
                                      "remote host:65536", "remote host:99999999999", "remote");
    TempDir dir;
    const std::string stub = (dir.path() / "bad.stub").string();
    std::ofstream(stub) << line << '\n';
    CHECK_THROWS_WITH(open_readable({stub}, RemoteOptions()),
                      Catch::Contains("database " + stub + ": its stub line '") &&
                          Catch::Contains("' has no valid port"));
}

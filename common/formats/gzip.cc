#include "formats/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

#include "errors.h"

namespace newsindex {

namespace {

constexpr std::size_t kOutputStep = 64 * 1024;

// Owns one z_stream set up for gzip decoding.
class Inflater {
  public:
    Inflater() {
        // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
        ok_ = inflateInit2(&stream_, 16 + MAX_WBITS) == Z_OK;
    }
    ~Inflater() {
        if (ok_) inflateEnd(&stream_);
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    bool ok() const { return ok_; }
    z_stream& stream() { return stream_; }

  private:
    z_stream stream_{};
    bool ok_ = false;
};

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

bool is_gzip(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
           static_cast<unsigned char>(bytes[1]) == 0x8B;
}

namespace {

// Decompresses every member of bytes, handing the output to sink in pieces of at most
// kOutputStep bytes; throws as gunzip() says. Returns the decompressed size.
template <typename Sink>
std::size_t inflate_members(std::string_view bytes, const std::string& source,
                            std::size_t max_bytes, Sink&& sink) {
    Inflater inflater;
    if (!inflater.ok()) throw InputError(source, 0, "cannot start gzip decompression");
    z_stream& zs = inflater.stream();
    std::string buffer(kOutputStep, '\0');
    std::size_t total = 0;
    std::size_t consumed = 0;  // bytes of input handed to zlib and used
    for (;;) {
        // One member: feed input in pieces zlib's 32-bit counters can hold.
        int status = Z_OK;
        while (status != Z_STREAM_END) {
            const std::size_t piece =
                std::min<std::size_t>(bytes.size() - consumed, std::numeric_limits<uInt>::max());
            zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + consumed));
            zs.avail_in = static_cast<uInt>(piece);
            zs.next_out = reinterpret_cast<Bytef*>(&buffer[0]);
            zs.avail_out = static_cast<uInt>(kOutputStep);
            status = inflate(&zs, Z_NO_FLUSH);
            const std::size_t produced = kOutputStep - zs.avail_out;
            consumed += piece - zs.avail_in;
            total += produced;
            if (total > max_bytes)
                throw InputError(
                    source, 0,
                    "larger than the limit of " + size_text(max_bytes) + " when decompressed");
            if (status == Z_DATA_ERROR || status == Z_NEED_DICT)
                throw InputError(source, 0,
                                 std::string("corrupt gzip: ") + (zs.msg ? zs.msg : "bad data"));
            if (status == Z_MEM_ERROR) throw InputError(source, 0, "out of memory in gunzip");
            sink(buffer.data(), produced);
            // No progress possible: input is used up and more output room did not help.
            if (status == Z_BUF_ERROR ||
                (status == Z_OK && consumed == bytes.size() && zs.avail_out != 0)) {
                throw InputError(source, 0, "truncated gzip");
            }
        }
        // Another member follows only if its magic number does. Anything else after the last
        // member other than zero padding (which tape and block devices add) means the file is
        // damaged or two things were glued together: refuse it rather than index part of it.
        const std::string_view rest = bytes.substr(consumed);
        if (!is_gzip(rest)) {
            if (rest.find_first_not_of('\0') != std::string_view::npos)
                throw InputError(source, 0,
                                 "corrupt gzip: " + std::to_string(rest.size()) +
                                     " bytes of trailing data after the compressed data");
            break;
        }
        if (inflateReset(&zs) != Z_OK) throw InputError(source, 0, "cannot restart gunzip");
    }
    return total;
}

}  // namespace

std::string gunzip(std::string_view bytes, const std::string& source, std::size_t max_bytes) {
    // Twice: first only to learn the size (and refuse a bomb having kept nothing), then into
    // a string of exactly that size. Growing the string as output came doubled its capacity
    // past the limit: a 1 MB bomb cost 531 MB against a 256 MiB limit. Inflating is fast
    // next to parsing, so the second pass costs little.
    const std::size_t size =
        inflate_members(bytes, source, max_bytes, [](const char*, std::size_t) {});
    std::string out;
    out.reserve(size);
    inflate_members(bytes, source, max_bytes,
                    [&out](const char* data, std::size_t length) { out.append(data, length); });
    return out;
}

}  // namespace newsindex

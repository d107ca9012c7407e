// Fuzz target: the permalink decoder (web/permalink.cpp), what the page runs on whatever URL
// fragment it is opened with. Any bytes are a fragment.
//
// The oracles, besides no crash, hang or sanitizer report:
//   - a fragment is either decoded or refused with a message;
//   - what is decoded survives the trip back: encode_permalink of it decodes, without warnings,
//     to the same view (the autoplay speed up to the 6 digits the encoder writes);
//   - the bytes as a program's source also survive encoding and decoding, exactly.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "permalink.h"

namespace {

using namespace memviz;
using namespace memviz::web;

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "permalink fuzzer: %s\n", what);
    std::abort();
}

bool same_view(Permalink a, Permalink b) {
    if (std::fabs(a.autoplay - b.autoplay) > 1e-5 * std::fabs(a.autoplay)) return false;
    a.autoplay = b.autoplay = 0;
    return a == b;
}

void check_round_trip(const Permalink& link) {
    const auto again = decode_permalink(encode_permalink(link));
    if (!again.ok()) fail("a decoded link does not decode again once encoded");
    if (!again.value().warnings.empty()) fail("a decoded link, encoded again, decodes with warnings");
    if (!same_view(again.value().link, link)) fail("a decoded link, encoded again, decodes to another view");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto decoded = decode_permalink(bytes);
    if (decoded.ok()) {
        check_round_trip(decoded.value().link);
    } else if (decoded.error().empty()) {
        fail("a refused link without a message");
    }

    if (bytes.size() <= kMaxSourceBytes) {
        Permalink link;
        link.source = std::string(bytes);
        const auto back = decode_permalink(encode_permalink(link));
        if (!back.ok() || back.value().link.source != link.source) fail("a source does not survive its permalink");
    }
    return 0;
}

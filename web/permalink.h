// Permalinks: everything needed to show a student the same view — the code, its input, the
// settings, the step — as a URL fragment, so a link works from any static host and no server
// ever sees the code. Plain C++ (zlib for the compression, no ImGui), so the same decoder runs in
// the unit tests and under a fuzzer.
//
// The fragment is `&`-separated `key=value` pairs (docs/embedding.md lists them). The texts are
// compressed (raw deflate) and base64url-encoded: `code=`, `stdin=`, `args=`; settings and embed
// options are short words an author can edit by hand: `model=ilp32&top=high&step=12&embed=1`.
//
// Everything in a fragment is data: decoding only fills a Permalink, whose texts go into the
// editor and whose values are checked as the Settings menu checks them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "history/history.h"
#include "settings.h"
#include "support/result.h"

namespace memviz::web {

struct Permalink {
    std::string source;
    std::string stdin_text;
    std::string arguments;  // argv[1...] as typed, separated by spaces
    Settings settings;
    history::Granularity granularity = history::Granularity::Statement;
    std::optional<std::uint64_t> step;  // the step to show, at the granularity; none: the start
    // Embed mode: compact chrome and only the named panels ("code", "stack", ...; none named:
    // the usual ones); read-only code; play from the step at `autoplay` steps per second.
    bool embed = false;
    std::vector<std::string> panels;
    bool read_only = false;
    double autoplay = 0;
    // The origin of the page that embeds this one ("https://course.example.edu"): the only
    // origin whose postMessage commands an embedded memviz obeys (docs/embedding.md).
    std::string host;

    bool operator==(const Permalink&) const = default;
};

// The fragment for `link`, without the '#'. Only what differs from the defaults is written.
std::string encode_permalink(const Permalink& link);

// Limits on what a fragment may hold: a link is not a way to make the page allocate without
// bound, and what a fragment decompresses to is checked before it is taken.
inline constexpr std::size_t kMaxFragmentBytes = 256 * 1024;
inline constexpr std::size_t kMaxSourceBytes = 1024 * 1024;
inline constexpr std::size_t kMaxInputBytes = 256 * 1024;

struct DecodedPermalink {
    Permalink link;
    // Parts left out, each said plainly: "model=xyz is not a data model (lp64 or ilp32)".
    std::vector<std::string> warnings;
};

// Reads a fragment (with or without its '#'). An error when there is no usable code in it (a
// fragment without `code=` is not a permalink: the caller shows its default example); unknown
// keys and bad values are left out with a warning.
Result<DecodedPermalink> decode_permalink(std::string_view fragment);

}  // namespace memviz::web

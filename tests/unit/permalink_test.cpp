#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>

#include "permalink.h"

using namespace memviz;
using namespace memviz::web;

namespace {

// A view with every field away from its default.
Permalink everything() {
    Permalink link;
    link.source = "#include <stdio.h>\nint main(void) {\n\tprintf(\"h\\u00e9llo & bye=1?\\n\");  // caf\xc3\xa9\n}\n";
    link.stdin_text = "3 4\n";
    link.arguments = "one two";
    link.settings.data_model = DataModel::ILP32;
    link.settings.policy = alloc::PolicyKind::BestFit;
    link.settings.high_addresses_first = true;
    link.settings.light_theme = true;
    link.settings.keep_going = true;
    link.settings.stack_limit = 65536;
    link.settings.heap_limit = 2 << 20;
    link.granularity = history::Granularity::Line;
    link.step = 41;
    link.embed = true;
    link.panels = {"code", "stack", "heap"};
    link.read_only = true;
    link.autoplay = 1.5;
    link.host = "https://course.example.edu:8443";
    return link;
}

Permalink of_source(std::string source) {
    Permalink link;
    link.source = std::move(source);
    return link;
}

// Only the characters a URL fragment carries as they are.
bool url_safe(const std::string& text) {
    for (char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '=' || c == '&' || c == ',' || c == '.' || c == ':' || c == '/';
        if (!plain) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("permalink: every part of a view survives the round trip through a URL-safe fragment") {
    const Permalink link = everything();
    const std::string fragment = encode_permalink(link);
    CHECK(url_safe(fragment));
    const auto decoded = decode_permalink("#" + fragment);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().warnings.empty());
    CHECK(decoded.value().link == link);
}

TEST_CASE("permalink: a link writes only what differs from the defaults, and compresses the code") {
    Permalink link;
    link.source = std::string(4000, 'x');
    const std::string fragment = encode_permalink(link);
    CHECK(fragment.rfind("code=", 0) == 0);
    CHECK(fragment.find('&') == std::string::npos);
    CHECK(fragment.size() < 100);  // 4,000 repeated bytes deflate to a few
    const auto decoded = decode_permalink(fragment);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().link == link);
}

TEST_CASE("permalink: hand-written options are read; bad ones are left out with a reason") {
    const std::string code = encode_permalink(of_source("int main(void) { return 0; }\n"));
    const auto decoded = decode_permalink(code + "&embed=1&panels=Code,stack,bogus&autoplay=1&step=7&model=ilp32"
                                                 "&top=sideways&stack=12&policy=fastest&color=red&step2=1"
                                                 "&host=javascript:alert(1)");
    REQUIRE(decoded.ok());
    const Permalink& link = decoded.value().link;
    CHECK(link.embed);
    CHECK(link.panels == std::vector<std::string>{"code", "stack"});
    CHECK(link.autoplay == 2.0);  // autoplay=1: the default speed
    CHECK(link.step == 7u);
    CHECK(link.settings.data_model == DataModel::ILP32);
    CHECK_FALSE(link.settings.high_addresses_first);
    CHECK(link.settings.stack_limit == Settings{}.stack_limit);
    CHECK(link.settings.policy == Settings{}.policy);
    const auto& warnings = decoded.value().warnings;
    CHECK(link.host.empty());
    REQUIRE(warnings.size() == 7);
    CHECK(warnings[0] == "panels names an unknown panel bogus");
    CHECK(warnings[1] == "top must be low or high");
    CHECK(warnings[2] == "stack must be from 4096 to 67108864 bytes");
    CHECK(warnings[3].rfind("policy is not an allocator policy", 0) == 0);
    CHECK(warnings[4] == "color is not something a memviz link sets: left out");
    CHECK(warnings[5] == "step2 is not something a memviz link sets: left out");
    CHECK(warnings[6] == "host must be an origin such as https://course.example.edu");
}

TEST_CASE("permalink: a fragment that is not a link, or a damaged or oversized one, says why") {
    CHECK(decode_permalink("").error() == "The link holds no code: showing the default example.");
    CHECK(decode_permalink("#step=3&embed=1").error() == "The link holds no code: showing the default example.");

    const std::string fragment = encode_permalink(of_source(std::string(500, 'y') + "int main;"));
    const std::string cut = fragment.substr(0, fragment.size() - 3);  // cut short when copied
    CHECK(decode_permalink(cut).error().rfind("The code in the link is damaged", 0) == 0);
    CHECK(decode_permalink("code=!!!!").error().rfind("The code in the link is damaged", 0) == 0);
    CHECK(decode_permalink("code=" + std::string(100, 'A')).error().rfind("The code in the link is damaged", 0) == 0);

    CHECK(decode_permalink(std::string(kMaxFragmentBytes + 1, 'a')).error().rfind("The link is 256 KiB long", 0) == 0);

    // A few KiB of link that would inflate past the 1 MiB a program may be is refused.
    const std::string bomb = encode_permalink(of_source(std::string(kMaxSourceBytes + 1, ' ')));
    CHECK(bomb.size() < 4096);
    CHECK(decode_permalink(bomb).error().rfind("The code in the link is damaged (cut short when it was copied?) or over 1 MiB", 0) == 0);
}

TEST_CASE("permalink: %-escaped words from a hand-edited link, and stray separators, are read") {
    const std::string code = encode_permalink(of_source("int main(void) { return 0; }\n"));
    const auto decoded = decode_permalink("&&" + code + "&&panels=code%2Cheap&theme=light&");
    REQUIRE(decoded.ok());
    CHECK(decoded.value().link.panels == std::vector<std::string>{"code", "heap"});
    CHECK(decoded.value().link.settings.light_theme);
    CHECK(decoded.value().warnings.empty());
}

TEST_CASE("permalink: random fragments never crash the decoder") {
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    auto next = [&state] {  // xorshift64: the same bytes on every platform
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const std::string valid = encode_permalink(everything());
    int decoded = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string fragment = valid;
        // Flip, drop or insert a few characters of a valid link, or make one up from scratch.
        if (round % 3 == 0) {
            fragment.assign(next() % 300, ' ');
            for (char& c : fragment) c = static_cast<char>(next() % 256);
        } else {
            for (int edit = 0; edit < 1 + static_cast<int>(next() % 4); ++edit) {
                const std::size_t at = next() % fragment.size();
                if (next() % 2) fragment[at] = "=&%,#-_aZ09"[next() % 11];
                else fragment.erase(at, 1 + next() % 8);
                if (fragment.empty()) fragment = "code";
            }
        }
        const auto result = decode_permalink(fragment);
        if (result.ok()) {
            ++decoded;
            CHECK(result.value().link.source.size() <= kMaxSourceBytes);
        } else {
            CHECK_FALSE(result.error().empty());
        }
    }
    CHECK(decoded > 0);  // some edits leave a usable link (an option lost, not the code)
}

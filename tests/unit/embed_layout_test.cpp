#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "embed_layout.h"

using namespace memviz::web;

namespace {

// The rectangles tile the page: inside it, no two overlapping, their areas adding up to it.
void check_tiles(const std::vector<PanelRect>& rects, float width, float height) {
    float area = 0;
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const PanelRect& a = rects[i];
        CAPTURE(a.panel);
        CHECK(a.width > 0);
        CHECK(a.height > 0);
        CHECK(a.x >= 0);
        CHECK(a.y >= 0);
        CHECK(a.x + a.width <= doctest::Approx(width));
        CHECK(a.y + a.height <= doctest::Approx(height));
        area += a.width * a.height;
        for (std::size_t j = i + 1; j < rects.size(); ++j) {
            const PanelRect& b = rects[j];
            const bool apart = a.x + a.width <= b.x + 0.01f || b.x + b.width <= a.x + 0.01f ||
                               a.y + a.height <= b.y + 0.01f || b.y + b.height <= a.y + 0.01f;
            CHECK_MESSAGE(apart, a.panel << " overlaps " << b.panel);
        }
    }
    CHECK(area == doctest::Approx(width * height));
}

}  // namespace

TEST_CASE("embed layout: the chosen panels tile the page, from 600x400 up, in any combination") {
    const std::vector<std::vector<std::string>> choices = {
        default_embed_panels(),
        {"code", "stack", "heap"},
        {"stack", "heap"},
        {"code"},
        {"run", "explain"},
        {"code", "run", "stack", "heap", "memory", "allocator", "address-space", "segments", "explain", "output", "concept"},
        {"heap", "output"},
    };
    for (const auto& panels : choices) {
        for (const auto& [width, height] : {std::pair{600.0f, 400.0f}, std::pair{1280.0f, 800.0f}}) {
            const auto rects = embed_layout(panels, width, height);
            REQUIRE(rects.size() == panels.size());
            check_tiles(rects, width, height);
        }
    }
}

TEST_CASE("embed layout: code on the left, pictures of memory side by side, words below them") {
    const auto rects = embed_layout({"stack", "code", "explain", "heap", "run", "stack", "bogus"}, 1000, 600);
    REQUIRE(rects.size() == 5);  // the repeated stack and the unknown name dropped
    auto at = [&](const std::string& name) {
        for (const PanelRect& r : rects) if (r.panel == name) return r;
        FAIL("no " << name);
        return PanelRect{};
    };
    CHECK(at("code").x == 0);
    CHECK(at("run").y == doctest::Approx(at("code").height));
    CHECK(at("stack").x == doctest::Approx(at("code").width));
    CHECK(at("heap").x == doctest::Approx(at("stack").x + at("stack").width));
    CHECK(at("stack").width == doctest::Approx(at("heap").width));
    CHECK(at("explain").y == doctest::Approx(at("stack").height));
    CHECK(is_panel_name("address-space"));
    CHECK_FALSE(is_panel_name("Stack"));
}

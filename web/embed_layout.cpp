#include "embed_layout.h"

#include <algorithm>
#include <string_view>

namespace memviz::web {
namespace {

enum class Place { Left, Picture, Words };

struct Known {
    std::string_view name;
    Place place;
};

constexpr Known kPanels[] = {
    {"code", Place::Left},         {"run", Place::Left},         {"stack", Place::Picture},
    {"heap", Place::Picture},      {"memory", Place::Picture},   {"allocator", Place::Picture},
    {"address-space", Place::Picture}, {"segments", Place::Picture}, {"explain", Place::Words},
    {"output", Place::Words},      {"concept", Place::Words},
};

const Known* find(const std::string& name) {
    for (const Known& known : kPanels) {
        if (known.name == name) return &known;
    }
    return nullptr;
}

// Splits [x, x + width) among `panels` side by side.
void row(const std::vector<std::string>& panels, float x, float y, float width, float height, std::vector<PanelRect>& out) {
    const float each = panels.empty() ? 0.0f : width / static_cast<float>(panels.size());
    for (std::size_t i = 0; i < panels.size(); ++i) {
        out.push_back({panels[i], x + each * static_cast<float>(i), y, each, height});
    }
}

}  // namespace

bool is_panel_name(const std::string& name) { return find(name) != nullptr; }

std::vector<std::string> default_embed_panels() { return {"code", "run", "stack", "heap", "explain"}; }

std::vector<PanelRect> embed_layout(const std::vector<std::string>& panels, float width, float height) {
    std::vector<std::string> left, pictures, words;
    for (const std::string& panel : panels) {
        const Known* known = find(panel);
        if (known == nullptr) continue;
        std::vector<std::string>& group = known->place == Place::Left ? left : known->place == Place::Picture ? pictures : words;
        if (std::find(group.begin(), group.end(), panel) == group.end()) group.push_back(panel);
    }
    const bool right = !pictures.empty() || !words.empty();
    const float left_width = left.empty() ? 0.0f : right ? std::max(240.0f, width * 0.38f) : width;
    // The words' row and the run controls share a height: enough for three lines of narration
    // or the controls' rows, and never most of a small page.
    const float bottom = std::clamp(height * 0.3f, 120.0f, 220.0f);

    std::vector<PanelRect> out;
    const bool code = std::find(left.begin(), left.end(), "code") != left.end();
    const bool run = std::find(left.begin(), left.end(), "run") != left.end();
    if (code) out.push_back({"code", 0, 0, left_width, run ? height - bottom : height});
    if (run) out.push_back({"run", 0, code ? height - bottom : 0, left_width, code ? bottom : height});

    const float right_width = width - left_width;
    const float pictures_height = words.empty() ? height : pictures.empty() ? 0.0f : height - bottom;
    row(pictures, left_width, 0, right_width, pictures_height, out);
    row(words, left_width, pictures_height, right_width, height - pictures_height, out);
    return out;
}

}  // namespace memviz::web

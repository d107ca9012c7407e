#include "theme.h"

#include <algorithm>

namespace memviz::web::theme {
namespace {

bool g_light = false;

// Relative luminance, close enough for choosing text colours (sRGB taken as linear).
float luminance(const ImVec4& c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

}  // namespace

void set_light(bool light) { g_light = light; }
bool light() { return g_light; }

ImU32 text(ImU32 colour) {
    if (!g_light) return colour;
    // Scaled towards black to at most this luminance: about 4.5:1 against ImGui's light
    // window background, the contrast WCAG asks of body text.
    constexpr float kMaxLuminance = 0.3f;
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    const float l = luminance(c);
    if (l <= kMaxLuminance) return colour;
    const float scale = kMaxLuminance / l;
    c.x *= scale;
    c.y *= scale;
    c.z *= scale;
    return ImGui::ColorConvertFloat4ToU32(c);
}

}  // namespace memviz::web::theme

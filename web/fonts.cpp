#include "fonts.h"

extern const unsigned char kMonoFont[];
extern const unsigned int kMonoFont_size;
extern const unsigned char kSansFont[];
extern const unsigned int kSansFont_size;

namespace memviz::web {
namespace {

constexpr float kSansPixels = 16.0f;
constexpr float kMonoPixels = 15.0f;

// Latin-1, general punctuation (dashes, ellipsis) and arrows (the narration uses them).
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0};

ImFont* add_font(const unsigned char* data, unsigned int size, float pixels) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the bytes are static, ImGui must not free them
    config.OversampleH = 2;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), pixels, &config,
                                                      kGlyphRanges);
}

}  // namespace

Fonts load_fonts(float pixel_scale) {
    Fonts fonts;
    fonts.sans = add_font(kSansFont, kSansFont_size, kSansPixels * pixel_scale);
    fonts.mono = add_font(kMonoFont, kMonoFont_size, kMonoPixels * pixel_scale);
    return fonts;
}

}  // namespace memviz::web

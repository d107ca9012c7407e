// The visual language shared by every panel: one colour per kind of byte or segment, from the
// colour-blind-safe Okabe-Ito set, so a heap block, its hex bytes and its slice of the address-space
// bar always look alike.
#pragma once

#include <imgui.h>

#include "mem/layout.h"

namespace memviz::web::theme {

inline constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
    return IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, alpha);
}

inline constexpr ImU32 kCode = rgb(0x0072B2);       // blue: code and read-only data
inline constexpr ImU32 kGlobals = rgb(0xCC79A7);    // reddish purple: global data
inline constexpr ImU32 kHeap = rgb(0x009E73);       // bluish green: heap, live payload
inline constexpr ImU32 kStack = rgb(0x56B4E9);      // sky blue: stack frames
inline constexpr ImU32 kMetadata = rgb(0xE69F00);   // orange: allocator headers and footers
inline constexpr ImU32 kFree = rgb(0xF0E442);       // yellow: free blocks
inline constexpr ImU32 kWarning = rgb(0xD55E00);    // vermillion: errors, dangling, freed-but-used
inline constexpr ImU32 kNoAccess = rgb(0x7a7a7a);   // grey: reserved and OS areas, hatched
inline constexpr ImU32 kGap = rgb(0x3a3a3a);        // dark grey: unmapped gap (dark theme)
inline constexpr ImU32 kGapLight = rgb(0xd4d4d4);   // light grey: unmapped gap (light theme)

// The light theme keeps every fill (the same colour for the same kind of byte in both themes)
// and changes what needs the background's contrast: text, and the gap's grey.
void set_light(bool light);
bool light();
// `colour` as the colour of text: itself on the dark background; darkened on the light one
// until it can be read there (yellow or sky-blue text on white cannot).
ImU32 text(ImU32 colour);

inline ImU32 segment_colour(SegmentKind kind) {
    switch (kind) {
        case SegmentKind::Code: return kCode;
        case SegmentKind::Data: return kGlobals;
        case SegmentKind::Heap: return kHeap;
        case SegmentKind::Stack: return kStack;
        case SegmentKind::Gap: return light() ? kGapLight : kGap;
        case SegmentKind::Reserved:
        case SegmentKind::OsReserved: return kNoAccess;
    }
    return kNoAccess;
}

}  // namespace memviz::web::theme

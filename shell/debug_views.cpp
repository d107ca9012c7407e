#include "debug_views.h"

#include <algorithm>
#include <cstdio>

#include "debug_values.h"
#include "segment_table.h"
#include "support/format.h"
#include "text_fit.h"

namespace memviz::shell {
namespace {

// The narrowest a view draws itself; below it lines are cut rather than squeezed further.
constexpr std::size_t kMinWidth = 40;

std::string percent(double fraction) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", fraction * 100.0);
    return text;
}

std::string right(std::string_view text, std::size_t width) {
    std::string out(width > text.size() ? width - text.size() : 0, ' ');
    return out.append(text);
}

// A variable's row, and a second row for its pointer target when the first has no room for it.
std::vector<std::string> variable_rows(const ValueView& v, std::size_t name_width, std::size_t type_width,
                                       std::size_t width) {
    std::string row = (v.changed ? "* " : "  ") + pad(hex_address(v.address), 15) + pad(v.name, name_width) + "  " +
                      pad(v.type, type_width) + "  ";
    const std::size_t value_column = display_width(row);
    row += inline_value(v);
    std::vector<std::string> rows;
    if (!v.target || v.target->kind == PointerTarget::Kind::Null || v.target->kind == PointerTarget::Kind::Uninitialized) {
        rows.push_back(fit(row, width));
        return rows;
    }
    const std::string arrow = "-> " + v.target->description;
    if (display_width(row) + 2 + display_width(arrow) <= width) {
        rows.push_back(row + "  " + arrow);
        return rows;
    }
    rows.push_back(fit(row, width));
    const std::string indent(std::min(value_column, width / 2), ' ');
    for (std::string& line : wrap(arrow, width, indent)) rows.push_back(std::move(line));
    return rows;
}

std::vector<std::string> variable_lines(const std::vector<ValueView>& variables, std::size_t width) {
    std::size_t name_width = 4;
    std::size_t type_width = 4;
    for (const ValueView& v : variables) {
        name_width = std::max(name_width, display_width(v.name));
        type_width = std::max(type_width, display_width(v.type));
    }
    // Names and types may take a third of the line each; the value keeps the rest.
    name_width = std::min(name_width, width / 4);
    type_width = std::min(type_width, width / 4);
    std::vector<std::string> lines;
    for (const ValueView& v : variables) {
        for (std::string& line : variable_rows(v, name_width, type_width, width)) lines.push_back(std::move(line));
    }
    return lines;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out.append(line).append("\n");
    return out;
}

// A box of `width` columns around `lines`, titled on its top edge.
std::string box(std::string_view title, const std::vector<std::string>& lines, std::size_t width) {
    const std::size_t inner = width - 4;
    std::string top = "+- " + fit(title, inner - 2) + " ";
    top.append(width - 1 - display_width(top), '-').append("+\n");
    std::string out = top;
    for (const std::string& line : lines) out.append("| ").append(pad(line, inner)).append(" |\n");
    out.append("+").append(width - 2, '-').append("+\n");
    return out;
}

std::string block_state(const HeapBlockView& block) {
    if (block.allocated) return block.leaked ? "leaked" : "allocated";
    if (block.freed_by_program) return block.referenced ? "freed, still pointed to" : "freed";
    return "free";
}

// Where a free block sits in the free lists: "list 2: prev 0x405020, next -".
std::string list_links(const Snapshot& snapshot, Addr header) {
    const auto& lists = snapshot.allocator.free_lists;
    for (std::size_t l = 0; l < lists.size(); ++l) {
        const auto at = std::find(lists[l].begin(), lists[l].end(), header);
        if (at == lists[l].end()) continue;
        const std::string prev = at == lists[l].begin() ? "-" : hex_address(*(at - 1));
        const std::string next = at + 1 == lists[l].end() ? "-" : hex_address(*(at + 1));
        return "list " + std::to_string(l) + ": prev " + prev + ", next " + next;
    }
    return {};
}

std::uint64_t block_size_at(const Snapshot& snapshot, Addr header) {
    for (const HeapBlockView& block : snapshot.heap) {
        if (block.header == header) return block.size;
    }
    return 0;
}

const SegmentView* segment(const Snapshot& snapshot, SegmentKind kind) {
    for (const SegmentView& s : snapshot.segments) {
        if (s.kind == kind) return &s;
    }
    return nullptr;
}

// The cells of one segment in the bar: its name, then for the heap (growing up) and the stack
// (growing down) '#' for the used part and '.' for the rest, at least one '#' when any is used.
std::string bar_cells(const SegmentView& s, std::size_t cells) {
    std::string text = s.name;
    if (s.kind == SegmentKind::Heap || s.kind == SegmentKind::Stack) {
        const std::size_t room = cells > text.size() + 1 ? cells - text.size() - 1 : 0;
        const std::uint64_t size = s.last - s.first + 1;
        std::size_t used = static_cast<std::size_t>(static_cast<double>(room) * static_cast<double>(s.used) / static_cast<double>(size));
        if (s.used > 0) used = std::clamp<std::size_t>(used, 1, room);
        const std::string fill = s.kind == SegmentKind::Heap ? std::string(used, '#') + std::string(room - used, '.')
                                                             : std::string(room - used, '.') + std::string(used, '#');
        text = s.kind == SegmentKind::Heap ? text + " " + fill : fill + " " + text;
    }
    if (text.size() > cells) return fit(text, cells);
    const std::size_t left = (cells - text.size()) / 2;
    return std::string(left, ' ') + text + std::string(cells - text.size() - left, ' ');
}

}  // namespace

std::string variables_view(const std::vector<ValueView>& variables, std::size_t width) {
    return join(variable_lines(variables, std::max(width, kMinWidth)));
}

std::string frames_view(const Snapshot& snapshot, std::size_t width) {
    width = std::max(width, kMinWidth);
    if (snapshot.frames.empty()) return "No frames: the program is not running.\n";
    std::string out;
    for (std::size_t i = 0; i < snapshot.frames.size(); ++i) {
        const FrameView& frame = snapshot.frames[i];
        std::vector<std::string> lines = wrap("frame " + hex_address(frame.low) + " - " + hex_address(frame.high - 1) +
                                                  " (" + std::to_string(frame.high - frame.low) + " bytes), frame pointer " +
                                                  hex_address(frame.frame_pointer),
                                              width - 4);
        std::string saved = "return address " + hex_address(frame.return_address);
        if (i + 1 < snapshot.frames.size()) {
            saved += " (back into " + snapshot.frames[i + 1].function + ", line " +
                     std::to_string(snapshot.frames[i + 1].line) + ")";
        }
        for (std::string& line : wrap(saved + ", saved frame pointer " + hex_address(frame.saved_frame_pointer), width - 4)) {
            lines.push_back(std::move(line));
        }
        if (frame.variables.empty()) lines.push_back("(no variables)");
        for (std::string& line : variable_lines(frame.variables, width - 4)) lines.push_back(std::move(line));
        std::string title = "#";
        title.append(std::to_string(i)).append(" ").append(frame.function).append(", line ").append(std::to_string(frame.line));
        out += box(title, lines, width);
    }
    return out;
}

std::string heap_view(const Snapshot& snapshot, std::size_t width) {
    width = std::max(width, kMinWidth);
    const alloc::Metrics& m = snapshot.allocator.metrics;
    std::vector<std::string> lines;
    const SegmentView* heap = segment(snapshot, SegmentKind::Heap);
    const std::uint64_t blocks = snapshot.heap.size() + snapshot.heap_omitted;
    std::string title = "Heap (" + snapshot.allocator.policy + "): " + std::to_string(blocks) + " block" +
                        (blocks == 1 ? "" : "s") + ", " + std::to_string(m.heap_bytes) + " bytes";
    if (snapshot.heap_omitted > 0) {
        title += " (the first " + std::to_string(Snapshot::kFirstHeapBlocks) + " and last " +
                 std::to_string(Snapshot::kLastHeapBlocks) + " listed)";
    }
    if (heap != nullptr) title += ", brk " + hex_address(heap->first + heap->used);
    lines.push_back(title);
    if (snapshot.heap.empty()) {
        lines.push_back("  nothing allocated yet");
        std::string out;
        for (const std::string& line : lines) out.append(fit(line, width)).append("\n");
        return out;
    }
    lines.push_back("  " + pad("header", 15) + pad("payload", 15) + right("size", 6) + right("asked", 7) +
                    right("pad", 5) + right("hdr", 5) + "  state");
    // The allocator's own bytes (list heads, a prologue) before the first block are heap too.
    if (heap != nullptr && snapshot.heap.front().header > heap->first) {
        lines.push_back("  " + pad(hex_address(heap->first), 30) + right(std::to_string(snapshot.heap.front().header - heap->first), 6) +
                        "                    the allocator's own data (list heads)");
    }
    for (const HeapBlockView& block : snapshot.heap) {
        const bool changed = std::find(snapshot.changes.allocated.begin(), snapshot.changes.allocated.end(),
                                       block.payload) != snapshot.changes.allocated.end() ||
                             std::find(snapshot.changes.freed.begin(), snapshot.changes.freed.end(), block.payload) !=
                                 snapshot.changes.freed.end();
        const bool has_request = block.allocated || block.freed_by_program;
        std::string row = (changed ? "* " : "  ") + pad(hex_address(block.header), 15) + pad(hex_address(block.payload), 15) +
                          right(std::to_string(block.size), 6) +
                          right(has_request ? std::to_string(block.requested) : "-", 7) +
                          right(block.allocated ? std::to_string(block.padding) : "-", 5) +
                          right(std::to_string(block.overhead), 5) + "  " + block_state(block);
        std::vector<std::string> notes;
        if (block.allocated_at != 0) notes.push_back("allocated on line " + std::to_string(block.allocated_at));
        if (block.freed_at != 0) notes.push_back("freed on line " + std::to_string(block.freed_at));
        if (!block.allocated) {
            if (std::string links = list_links(snapshot, block.header); !links.empty()) notes.push_back(links);
        }
        std::string note;
        for (const std::string& n : notes) note += (note.empty() ? "" : "; ") + n;
        if (note.empty()) {
            lines.push_back(row);
        } else if (display_width(row) + 2 + display_width(note) <= width) {
            lines.push_back(row + "  " + note);
        } else {
            lines.push_back(row);
            for (std::string& line : wrap(note, width, std::string(17, ' '))) lines.push_back(std::move(line));
        }
    }
    const std::string free_blocks = m.free_blocks == 0 ? std::string("no free blocks")
                                    : std::to_string(m.free_blocks) + " free block" + (m.free_blocks == 1 ? "" : "s") +
                                          " of " + std::to_string(m.free_bytes) + " bytes (largest " +
                                          std::to_string(m.largest_free) + ")";
    lines.push_back("in use: " + std::to_string(m.live_payload) + " of " + std::to_string(m.heap_bytes) +
                    " bytes (utilization " + percent(m.utilization) + "), " + free_blocks + ", " +
                    std::to_string(m.internal_fragmentation) + " bytes of padding");
    std::string out;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) out.append(fit(lines[i], width)).append("\n");
    // The table's rows are cut to the width (wrapping would break their columns); the summary wraps.
    for (const std::string& part : wrap(lines.back(), width)) out.append(part).append("\n");
    return out;
}

std::string free_lists_view(const Snapshot& snapshot, std::size_t width) {
    width = std::max(width, kMinWidth);
    const auto& lists = snapshot.allocator.free_lists;
    std::string out;
    if (lists.empty()) {
        for (const std::string& line :
             wrap(snapshot.allocator.policy + " keeps no explicit free list: malloc walks every block from the start of "
                                              "the heap (an implicit list) and takes a free one that fits.",
                  width)) {
            out.append(line).append("\n");
        }
        std::string free_blocks = "free blocks:";
        for (const HeapBlockView& block : snapshot.heap) {
            if (!block.allocated) free_blocks += " " + hex_address(block.header) + " (" + std::to_string(block.size) + " bytes)";
        }
        if (free_blocks == "free blocks:") free_blocks += " none";
        for (const std::string& line : wrap(free_blocks, width, "  ")) out.append(line).append("\n");
        return out;
    }
    out += fit("Free lists of " + snapshot.allocator.policy + " (block headers, in list order):", width) + "\n";
    std::vector<std::size_t> empty;
    for (std::size_t l = 0; l < lists.size(); ++l) {
        if (lists[l].empty()) {
            empty.push_back(l);
            continue;
        }
        std::string text = "list " + std::to_string(l) + ":";
        for (std::size_t i = 0; i < lists[l].size(); ++i) {
            text += (i == 0 ? " " : " -> ") + hex_address(lists[l][i]) + " (" +
                    std::to_string(block_size_at(snapshot, lists[l][i])) + " bytes)";
        }
        text += " -> NULL";
        const std::vector<std::string> wrapped = wrap(text, width - 6, "");
        for (std::size_t i = 0; i < wrapped.size(); ++i) out.append(i == 0 ? "  " : "      ").append(wrapped[i]).append("\n");
    }
    if (empty.size() == lists.size()) {
        out += fit("  all " + std::to_string(lists.size()) + " lists are empty: there is no free block", width) + "\n";
    } else if (!empty.empty()) {
        // Runs of empty lists as ranges: "0-5, 7, 9-23".
        std::string ranges;
        for (std::size_t i = 0; i < empty.size();) {
            std::size_t j = i;
            while (j + 1 < empty.size() && empty[j + 1] == empty[j] + 1) ++j;
            ranges += (ranges.empty() ? "" : ", ") + std::to_string(empty[i]) + (j > i ? "-" + std::to_string(empty[j]) : "");
            i = j + 1;
        }
        for (const std::string& line : wrap("empty: " + ranges, width, "  ")) out.append(line).append("\n");
    }
    return out;
}

std::string layout_view(const Snapshot& snapshot, std::size_t width) {
    width = std::max(width, kMinWidth);
    std::string out = fit("Address space, low addresses on the left (not to scale):", width) + "\n";
    const std::size_t count = snapshot.segments.size();
    if (count == 0) return out;
    // The small segments get room for their names; heap, gap and stack share the rest 3:4:3.
    std::vector<std::size_t> cells(count);
    std::size_t fixed = count + 1;  // the bars
    for (std::size_t i = 0; i < count; ++i) {
        const SegmentKind kind = snapshot.segments[i].kind;
        if (kind != SegmentKind::Heap && kind != SegmentKind::Gap && kind != SegmentKind::Stack) {
            cells[i] = snapshot.segments[i].name.size() + 2;
            fixed += cells[i];
        }
    }
    const std::size_t rest = width > fixed + 18 ? width - fixed : 18;
    std::size_t given = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const SegmentKind kind = snapshot.segments[i].kind;
        if (kind == SegmentKind::Heap || kind == SegmentKind::Stack) given += cells[i] = rest * 3 / 10;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (snapshot.segments[i].kind == SegmentKind::Gap) cells[i] = rest - given;
    }
    std::string bar = "|";
    for (std::size_t i = 0; i < count; ++i) bar += bar_cells(snapshot.segments[i], cells[i]) + "|";
    out += fit(bar, width) + "\n";
    const std::string low = hex_address(snapshot.segments.front().first);
    const std::string high = hex_address(snapshot.segments.back().last);
    const std::size_t bar_width = std::min(display_width(bar), width);
    out += fit(low + std::string(bar_width > low.size() + high.size() ? bar_width - low.size() - high.size() : 1, ' ') + high,
               width) +
           "\n";
    std::string used;
    for (const SegmentView& s : snapshot.segments) {
        out += fit(segment_row(s.name, s.first, s.last, s.permissions), width) + "\n";
        if (s.kind == SegmentKind::Heap) {
            used += "heap: " + human_size(s.used) + " used (brk " + hex_address(s.first + s.used) + ")";
        }
        if (s.kind == SegmentKind::Stack && s.used > 0) {
            used += (used.empty() ? "" : "; ") + std::string("stack: ") + human_size(s.used) + " used (sp " +
                    hex_address(s.last + 1 - s.used) + ")";
        }
    }
    for (const std::string& line : wrap(used, width, "  ")) out += line + "\n";
    return out;
}

std::string source_view(std::span<const std::string_view> lines, std::uint32_t first, std::uint32_t last,
                        std::uint32_t current, const std::set<std::uint32_t>& breakpoints, std::size_t width) {
    width = std::max(width, kMinWidth);
    const auto total = static_cast<std::uint32_t>(lines.size());
    first = std::max<std::uint32_t>(first, 1);
    last = std::min(last, total);
    const std::size_t digits = std::to_string(std::max<std::uint32_t>(last, 1)).size();
    std::string out;
    for (std::uint32_t n = first; n <= last; ++n) {
        std::string row = n == current ? "=> " : "   ";
        row += right(std::to_string(n), digits);
        row += breakpoints.contains(n) ? " b  " : "    ";
        row += expand_tabs(lines[n - 1]);
        while (row.back() == ' ') row.pop_back();  // an empty line leaves no trailing spaces
        out += fit(row, width) + "\n";
    }
    return out;
}

std::string source_line(std::span<const std::string_view> lines, std::uint32_t line, std::size_t width) {
    if (line == 0 || line > lines.size()) return {};
    std::string row = pad(std::to_string(line), 6) + expand_tabs(lines[line - 1]);
    while (row.back() == ' ') row.pop_back();
    return fit(row, std::max(width, kMinWidth)) + "\n";
}

}  // namespace memviz::shell

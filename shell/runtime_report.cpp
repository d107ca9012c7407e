#include "runtime_report.h"

#include "support/diagnostics.h"
#include "support/format.h"

namespace memviz::shell {

std::string render_runtime_error(const vm::RuntimeError& error, const std::string& file, std::string_view source) {
    Diagnostics one;
    one.error(error.loc, std::string(vm::name(error.kind)) + ": " + error.message);
    std::string text = one.render(file, source);
    if (auto at = text.find(": error: "); at != std::string::npos) text.replace(at, 9, ": runtime error: ");
    if (!error.explanation.empty()) text.append("  ").append(error.explanation).append("\n");
    return text + concept_line(vm::concept_anchor(error.kind));
}

std::string concept_line(std::string_view anchor) {
    std::string line = "  See ";
    line.append(vm::kConceptDoc).append("#").append(anchor).append("\n");
    return line;
}

std::string leak_summary(std::uint64_t bytes, std::uint64_t payload) {
    return std::to_string(bytes) + " bytes in the block at " + hex_address(payload) + " were never freed";
}

std::string_view leak_reason(bool reachable) {
    return reachable ? "still reachable from a global variable" : "definitely lost: nothing points to them any more";
}

std::string render_leak(const std::string& file, std::uint32_t line, std::uint64_t bytes, std::uint64_t payload,
                        bool reachable) {
    return file + ":" + std::to_string(line) + ": leak: " + leak_summary(bytes, payload) + " (allocated on this line; " +
           std::string(leak_reason(reachable)) + ")\n";
}

std::size_t leaks_like(std::span<const vm::Leak> leaks, std::size_t first) {
    std::size_t end = first + 1;
    while (end < leaks.size() && leaks[end].block.allocated_at == leaks[first].block.allocated_at &&
           leaks[end].reachable == leaks[first].reachable) {
        ++end;
    }
    return end - first;
}

std::string render_leak_group(const std::string& file, std::span<const vm::Leak> leaks, std::size_t first,
                              std::size_t count) {
    std::uint64_t bytes = 0;
    for (std::size_t i = first; i < first + count; ++i) bytes += leaks[i].block.requested;
    const vm::Leak& leak = leaks[first];
    return file + ":" + std::to_string(leak.block.allocated_at) + ": leak: " + std::to_string(count) + " blocks, " +
           std::to_string(bytes) + " bytes in all, were never freed (allocated on this line, the first at " +
           hex_address(leak.block.payload) + "; " + std::string(leak_reason(leak.reachable)) + ")\n";
}

}  // namespace memviz::shell

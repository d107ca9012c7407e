#include "snapshot_js.h"

#include <string>

#include "support/format.h"

namespace memviz::web {
namespace {

using emscripten::val;

template <class T, class F>
val array_of(const std::vector<T>& items, F&& convert) {
    val out = val::array();
    for (const T& item : items) out.call<void>("push", convert(item));
    return out;
}

double number(std::uint64_t n) { return static_cast<double>(n); }

val target_to_js(const PointerTarget& target) {
    val out = val::object();
    out.set("kind", std::string(name(target.kind)));
    out.set("address", hex_address(target.address));
    out.set("description", target.description);
    return out;
}

val value_to_js(const ValueView& value) {
    val out = val::object();
    out.set("name", value.name);
    out.set("type", value.type);
    out.set("address", hex_address(value.address));
    out.set("size", number(value.size));
    out.set("value", value.value);
    out.set("initialized", value.initialized);
    out.set("changed", value.changed);
    if (value.target) out.set("target", target_to_js(*value.target));
    if (!value.children.empty()) out.set("children", array_of(value.children, value_to_js));
    return out;
}

val frame_to_js(const FrameView& frame) {
    val out = val::object();
    out.set("function", frame.function);
    out.set("line", frame.line);
    out.set("returnAddress", hex_address(frame.return_address));
    out.set("savedFramePointer", hex_address(frame.saved_frame_pointer));
    out.set("low", hex_address(frame.low));
    out.set("high", hex_address(frame.high));
    out.set("variables", array_of(frame.variables, value_to_js));
    return out;
}

val block_to_js(const HeapBlockView& block) {
    val out = val::object();
    out.set("header", hex_address(block.header));
    out.set("payload", hex_address(block.payload));
    out.set("size", number(block.size));
    out.set("requested", number(block.requested));
    out.set("padding", number(block.padding));
    out.set("state", std::string(block.leaked             ? "leaked"
                                 : block.allocated        ? "allocated"
                                 : block.freed_by_program ? "freed"
                                                          : "free"));
    out.set("referenced", block.referenced);
    out.set("allocatedAt", block.allocated_at);
    out.set("freedAt", block.freed_at);
    if (block.contents) out.set("contents", value_to_js(*block.contents));
    return out;
}

}  // namespace

val snapshot_to_js(const Snapshot& s) {
    val out = val::object();
    out.set("state", std::string(name(s.state)));
    out.set("step", number(s.step));
    out.set("stepCount", number(s.step_count));
    out.set("finished", s.finished);
    out.set("line", s.line);
    out.set("column", s.column);
    out.set("frames", array_of(s.frames, frame_to_js));
    out.set("framesOmitted", number(s.frames_omitted));
    out.set("globals", array_of(s.globals, value_to_js));
    out.set("heap", array_of(s.heap, block_to_js));
    out.set("heapOmitted", number(s.heap_omitted));
    out.set("valuesOmitted", number(s.values_omitted));
    out.set("stdout", s.stdout_text);
    out.set("stderr", s.stderr_text);
    out.set("narration", s.narration);
    out.set("annotation", s.annotation);
    if (s.returned) out.set("returned", *s.returned);
    if (s.error) {
        val error = val::object();
        error.set("kind", std::string(vm::name(s.error->kind)));
        error.set("line", s.error->loc.line);
        error.set("column", s.error->loc.column);
        error.set("message", s.error->message);
        error.set("concept", std::string(vm::concept_anchor(s.error->kind)));
        out.set("error", error);
    }
    out.set("exitStatus", s.exit_status);
    out.set("leakedBlocks", number(s.leaked_blocks));
    return out;
}

val diagnostics_to_js(const Diagnostics& diagnostics) {
    return array_of(diagnostics.all(), [](const Diagnostic& d) {
        val out = val::object();
        out.set("severity", std::string(name(d.severity)));
        out.set("line", d.loc.line);
        out.set("column", d.loc.column);
        out.set("message", d.message);
        return out;
    });
}

}  // namespace memviz::web

#include "snapshot_json.h"

#include "support/format.h"

namespace memviz::shell {
namespace {

Json addresses_json(const std::vector<Addr>& addresses) {
    Json out = Json::array();
    for (Addr address : addresses) out.push_back(hex_address(address));
    return out;
}

Json strings_json(const std::vector<std::string>& strings) {
    Json out = Json::array();
    for (const std::string& text : strings) out.push_back(text);
    return out;
}

Json target_json(const PointerTarget& target) {
    return {{"kind", name(target.kind)},
            {"address", hex_address(target.address)},
            {"description", target.description},
            {"object", hex_address(target.object)},
            {"offset", target.offset}};
}

Json values_json(const std::vector<ValueView>& values) {
    Json out = Json::array();
    for (const ValueView& value : values) out.push_back(value_json(value));
    return out;
}

Json frame_json(const FrameView& frame) {
    return {{"function", frame.function},
            {"line", frame.line},
            {"column", frame.column},
            {"frame_pointer", hex_address(frame.frame_pointer)},
            {"return_address", hex_address(frame.return_address)},
            {"saved_frame_pointer", hex_address(frame.saved_frame_pointer)},
            {"low", hex_address(frame.low)},
            {"high", hex_address(frame.high)},
            {"variables", values_json(frame.variables)}};
}

Json block_json(const HeapBlockView& block) {
    return {{"header", hex_address(block.header)},
            {"payload", hex_address(block.payload)},
            {"size", block.size},
            {"requested", block.requested},
            {"padding", block.padding},
            {"overhead", block.overhead},
            {"allocated", block.allocated},
            {"freed_by_program", block.freed_by_program},
            {"referenced", block.referenced},
            {"leaked", block.leaked},
            {"allocated_at", block.allocated_at},
            {"freed_at", block.freed_at},
            {"contents", block.contents ? value_json(*block.contents) : Json(nullptr)},
            {"typed_by", block.typed_by}};
}

Json segment_json(const SegmentView& segment) {
    return {{"name", segment.name},
            {"first", hex_address(segment.first)},
            {"last", hex_address(segment.last)},
            {"size", segment.last - segment.first + 1},
            {"used", segment.used},
            {"permissions", segment.permissions}};
}

Json metrics_json(const alloc::Metrics& m) {
    return {{"heap_bytes", m.heap_bytes},
            {"peak_heap_bytes", m.peak_heap_bytes},
            {"live_payload", m.live_payload},
            {"peak_payload", m.peak_payload},
            {"utilization", m.utilization},
            {"peak_utilization", m.peak_utilization},
            {"internal_fragmentation", m.internal_fragmentation},
            {"external_fragmentation", m.external_fragmentation},
            {"free_blocks", m.free_blocks},
            {"free_bytes", m.free_bytes},
            {"largest_free", m.largest_free},
            {"calls", m.calls},
            {"blocks_examined", m.blocks_examined}};
}

Json allocator_json(const AllocatorView& allocator) {
    Json lists = Json::array();
    for (const std::vector<Addr>& list : allocator.free_lists) lists.push_back(addresses_json(list));
    return {{"policy", allocator.policy}, {"metrics", metrics_json(allocator.metrics)}, {"free_lists", lists}};
}

Json changes_json(const Changes& changes) {
    Json written = Json::array();
    for (const Changes::Range& range : changes.written) {
        written.push_back({{"first", hex_address(range.first)}, {"size", range.size}});
    }
    return {{"written", written},
            {"allocated", addresses_json(changes.allocated)},
            {"freed", addresses_json(changes.freed)},
            {"frames_pushed", strings_json(changes.frames_pushed)},
            {"frames_popped", strings_json(changes.frames_popped)}};
}

Json history_json(const HistoryView& history) {
    return {{"bytes", history.bytes},
            {"checkpoints", history.checkpoints},
            {"earliest_tick", history.earliest_tick},
            {"limit_reached", history.limit_reached}};
}

}  // namespace

Json value_json(const ValueView& value) {
    Json out = {{"name", value.name},
                {"type", value.type},
                {"address", hex_address(value.address)},
                {"size", value.size},
                {"value", value.value},
                {"initialized", value.initialized},
                {"changed", value.changed},
                {"is_parameter", value.is_parameter}};
    // Absent rather than null: most values are neither pointers nor aggregates, and a trace
    // repeats every variable at every step.
    if (value.target) out["target"] = target_json(*value.target);
    if (!value.children.empty()) out["children"] = values_json(value.children);
    return out;
}

Json error_json(const vm::RuntimeError& error) {
    return {{"kind", vm::name(error.kind)},
            {"line", error.loc.line},
            {"column", error.loc.column},
            {"message", error.message},
            {"explanation", error.explanation},
            {"address", error.address ? Json(hex_address(*error.address)) : Json(nullptr)}};
}

Json snapshot_json(const Snapshot& s) {
    Json frames = Json::array();
    for (const FrameView& frame : s.frames) frames.push_back(frame_json(frame));
    Json heap = Json::array();
    for (const HeapBlockView& block : s.heap) heap.push_back(block_json(block));
    Json segments = Json::array();
    for (const SegmentView& segment : s.segments) segments.push_back(segment_json(segment));
    Json reported = Json::array();
    for (const vm::RuntimeError& error : s.reported) reported.push_back(error_json(error));
    // Optional fields are null when absent, never missing, so that a trace delta can say
    // "this went away" by carrying the key with null.
    return {{"state", name(s.state)},
            {"tick", s.tick},
            {"step", s.step},
            {"step_count", s.step_count},
            {"finished", s.finished},
            {"line", s.line},
            {"column", s.column},
            {"frames", frames},
            {"frames_omitted", s.frames_omitted},
            {"heap_omitted", s.heap_omitted},
            {"values_omitted", s.values_omitted},
            {"globals", values_json(s.globals)},
            {"heap", heap},
            {"segments", segments},
            {"allocator", allocator_json(s.allocator)},
            {"stdout", s.stdout_text},
            {"stderr", s.stderr_text},
            {"returned", s.returned ? Json(*s.returned) : Json(nullptr)},
            {"error", s.error ? error_json(*s.error) : Json(nullptr)},
            {"reported", reported},
            {"exit_status", s.exit_status},
            {"leaked_blocks", s.leaked_blocks},
            {"changes", changes_json(s.changes)},
            {"narration", s.narration},
            {"annotation", s.annotation},
            {"history", history_json(s.history)}};
}

}  // namespace memviz::shell

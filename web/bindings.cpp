// The one Embind file: what the page's JavaScript may ask of the app. Everything returned is a
// fresh JS value copied out of wasm memory, never a view into it. Addresses are hex strings,
// since JS numbers cannot hold every 64-bit address.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "app.h"
#include "mem/layout.h"
#include "support/format.h"

namespace memviz::web {
namespace {

using emscripten::val;

std::string version() { return MEMVIZ_VERSION; }

double frame_count() { return static_cast<double>(running_app().frame_count()); }

double last_frame_ms() { return running_app().last_frame_ms(); }

val layout_to_js(const Layout& layout) {
    val segments = val::array();
    for (const Segment& s : layout.segments()) {
        val segment = val::object();
        segment.set("name", std::string(name(s.kind)));
        segment.set("first", hex_address(s.first));
        segment.set("last", hex_address(s.last));
        segment.set("size", human_size(s.size()));
        segment.set("read", s.permissions.read);
        segment.set("write", s.permissions.write);
        segment.set("execute", s.permissions.execute);
        segments.call<void>("push", segment);
    }
    val out = val::object();
    out.set("dataModel", std::string(info(layout.data_model()).name));
    out.set("segments", segments);
    return out;
}

// The layout the app is showing now.
val current_layout() { return layout_to_js(running_app().layout()); }

val settings() {
    const Settings& s = running_app().settings();
    val out = val::object();
    out.set("dataModel", std::string(info(s.data_model).name));
    out.set("highAddressesFirst", s.high_addresses_first);
    return out;
}

// Applies the fields present in `changes`; returns an error message, or "" when all applied.
std::string set_settings(val changes) {
    Settings next = running_app().settings();
    if (changes.hasOwnProperty("dataModel")) {
        auto model = parse_data_model(changes["dataModel"].as<std::string>());
        if (!model) return "dataModel must be \"LP64\" or \"ILP32\"";
        next.data_model = *model;
    }
    if (changes.hasOwnProperty("highAddressesFirst")) {
        next.high_addresses_first = changes["highAddressesFirst"].as<bool>();
    }
    running_app().set_settings(next);
    return "";
}

}  // namespace

EMSCRIPTEN_BINDINGS(memviz) {
    emscripten::function("version", &version);
    emscripten::function("frameCount", &frame_count);
    emscripten::function("lastFrameMs", &last_frame_ms);
    emscripten::function("layout", &current_layout);
    emscripten::function("settings", &settings);
    emscripten::function("setSettings", &set_settings);
}

}  // namespace memviz::web

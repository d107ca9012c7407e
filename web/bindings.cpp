// The one Embind file: what the page's JavaScript may ask of the app. Everything returned is a
// fresh JS value copied out of wasm memory, never a view into it. Addresses are hex strings,
// since JS numbers cannot hold every 64-bit address.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <string_view>

#include <imgui.h>

#include "app.h"
#include "examples.h"
#include "mem/layout.h"
#include "permalink.h"
#include "snapshot_js.h"
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
    out.set("policy", std::string(alloc::name(s.policy)));
    out.set("keepGoing", s.keep_going);
    out.set("lightTheme", s.light_theme);
    out.set("stackLimit", static_cast<double>(s.stack_limit));
    out.set("heapLimit", static_cast<double>(s.heap_limit));
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
    if (changes.hasOwnProperty("policy")) {
        auto policy = alloc::parse_policy(changes["policy"].as<std::string>());
        if (!policy) return "policy must be one of first-fit, next-fit, best-fit, explicit-lifo, explicit-address, segregated, textbook";
        next.policy = *policy;
    }
    if (changes.hasOwnProperty("keepGoing")) next.keep_going = changes["keepGoing"].as<bool>();
    if (changes.hasOwnProperty("lightTheme")) next.light_theme = changes["lightTheme"].as<bool>();
    if (changes.hasOwnProperty("stackLimit")) {
        const double bytes = changes["stackLimit"].as<double>();
        if (auto problem = stack_limit_problem(bytes, "stackLimit")) return *problem;
        next.stack_limit = static_cast<std::uint64_t>(bytes);
    }
    if (changes.hasOwnProperty("heapLimit")) {
        const double bytes = changes["heapLimit"].as<double>();
        if (auto problem = heap_limit_problem(bytes, "heapLimit")) return *problem;
        next.heap_limit = static_cast<std::uint64_t>(bytes);
    }
    running_app().set_settings(next);
    return "";
}

std::string source() { return running_app().debugger().source(); }

// The program's input: { stdin, args } (args as typed, separated by spaces).
val input() {
    val out = val::object();
    out.set("stdin", running_app().stdin_text());
    out.set("args", running_app().arguments());
    return out;
}
void set_input(std::string stdin_text, std::string args) {
    running_app().stdin_text() = std::move(stdin_text);
    running_app().arguments() = std::move(args);
}
void set_source(std::string text) { running_app().debugger().source() = std::move(text); }

// Compiles the editor's text: { ok, diagnostics: [{ severity, line, column, message }] }.
val load() {
    const bool ok = running_app().load_program();
    val out = val::object();
    out.set("ok", ok);
    out.set("diagnostics", diagnostics_to_js(running_app().debugger().diagnostics()));
    return out;
}

// One move by name; returns why it stopped ("step", "breakpoint", "end", ...), or "running"
// for a continue, which goes on in slices between frames.
std::string move(std::string name) {
    static const std::pair<const char*, Move> kMoves[] = {
        {"step", Move::Step},         {"next", Move::Next},         {"finish", Move::Finish},
        {"stepBack", Move::StepBack}, {"nextBack", Move::NextBack}, {"finishBack", Move::FinishBack},
        {"continue", Move::Continue}, {"continueBack", Move::ContinueBack}, {"restart", Move::Restart},
    };
    Debugger& debugger = running_app().debugger();
    if (!debugger.loaded()) return "not loaded";
    for (const auto& [spelling, kind] : kMoves) {
        if (name != spelling) continue;
        debugger.move(kind);
        if (debugger.running()) return "running";
        return std::string(memviz::name(debugger.last_stop().value_or(StopReason::Step)));
    }
    return "unknown move: " + name;
}

std::string seek(double step) {
    Debugger& debugger = running_app().debugger();
    if (!debugger.loaded()) return "not loaded";
    debugger.seek(static_cast<std::uint64_t>(std::max(0.0, step)));
    return std::string(memviz::name(debugger.last_stop().value_or(StopReason::Step)));
}

// The Examples menu: [{ file, title, concept }], and opening one by file name.
val examples() {
    val out = val::array();
    for (std::size_t i = 0; i < kExampleCount; ++i) {
        val example = val::object();
        example.set("file", std::string(kExamples[i].file));
        example.set("title", std::string(example_header(kExamples[i].source, "title")));
        example.set("concept", std::string(example_header(kExamples[i].source, "concept")));
        out.call<void>("push", example);
    }
    return out;
}
bool open_example(std::string file) { return running_app().open_example(file); }

bool running() { return running_app().debugger().running(); }
void pause() { running_app().debugger().pause(); }

val snapshot() {
    Debugger& debugger = running_app().debugger();
    if (!debugger.loaded()) return val::null();
    return snapshot_to_js(debugger.full_snapshot());
}

void toggle_breakpoint(double line) { running_app().debugger().toggle_breakpoint(static_cast<std::uint32_t>(line)); }

// The clipboard: the page hands over what the browser pasted, and asks for the editor's
// selection when the browser copies (GLFW in the browser has no clipboard).
// Scrolling, in wheel notches (positive: up, left), from the page's wheel and touch handling:
// Emscripten's GLFW passes the browser's pixel deltas on unscaled and unflipped.
void scroll(double x, double y) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheelH += static_cast<float>(x);
    io.MouseWheel += static_cast<float>(y);
}

// Opens a permalink's fragment: { ok, message, warnings }. Not ok (no code in it, damaged,
// oversized): nothing changes, the message says why.
val open_permalink(std::string fragment) {
    const auto decoded = decode_permalink(fragment);
    val out = val::object();
    val warnings = val::array();
    out.set("ok", decoded.ok());
    if (!decoded.ok()) {
        out.set("message", decoded.error());
    } else {
        running_app().open_permalink(decoded.value().link);
        out.set("host", decoded.value().link.host);
        for (const std::string& warning : decoded.value().warnings) warnings.call<void>("push", warning);
        out.set("message", std::string());
    }
    out.set("warnings", warnings);
    return out;
}
// The fragment of a permalink to what is on screen (without '#').
std::string permalink(bool with_step) { return encode_permalink(running_app().permalink(with_step)); }
void set_page_url(std::string url) { running_app().set_page_url(std::move(url)); }
// The panels on screen, by their names in links: ["code", "run", "stack", ...].
val panels() {
    val out = val::array();
    for (const std::string& name : running_app().open_panels()) out.call<void>("push", name);
    return out;
}

void set_clipboard(std::string text) { running_app().set_clipboard(std::move(text)); }
std::string selected_text() { return running_app().selected_text(); }

}  // namespace

EMSCRIPTEN_BINDINGS(memviz) {
    emscripten::function("version", &version);
    emscripten::function("frameCount", &frame_count);
    emscripten::function("lastFrameMs", &last_frame_ms);
    emscripten::function("layout", &current_layout);
    emscripten::function("settings", &settings);
    emscripten::function("setSettings", &set_settings);
    emscripten::function("source", &source);
    emscripten::function("setSource", &set_source);
    emscripten::function("input", &input);
    emscripten::function("setInput", &set_input);
    emscripten::function("load", &load);
    emscripten::function("move", &move);
    emscripten::function("seek", &seek);
    emscripten::function("examples", &examples);
    emscripten::function("openExample", &open_example);
    emscripten::function("running", &running);
    emscripten::function("pause", &pause);
    emscripten::function("snapshot", &snapshot);
    emscripten::function("toggleBreakpoint", &toggle_breakpoint);
    emscripten::function("openPermalink", &open_permalink);
    emscripten::function("permalink", &permalink);
    emscripten::function("setPageUrl", &set_page_url);
    emscripten::function("panels", &panels);
    emscripten::function("setClipboard", &set_clipboard);
    emscripten::function("scroll", &scroll);
    emscripten::function("selectedText", &selected_text);
}

}  // namespace memviz::web

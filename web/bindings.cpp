// The one Embind file: what the page's JavaScript may ask of the app. Everything returned is a
// fresh JS value copied out of wasm memory, never a view into it. Addresses are hex strings,
// since JS numbers cannot hold every 64-bit address.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <string>
#include <string_view>

#include <imgui.h>

#include "app.h"
#include "embed_layout.h"
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

// `base` with the fields present in `changes` applied (the page's JS has checked their types),
// or why one cannot be.
Result<Settings> settings_from_js(const val& changes, Settings next) {
    if (changes.hasOwnProperty("dataModel")) {
        auto model = parse_data_model(changes["dataModel"].as<std::string>());
        if (!model) return Error{"dataModel must be \"LP64\" or \"ILP32\""};
        next.data_model = *model;
    }
    if (changes.hasOwnProperty("highAddressesFirst")) {
        next.high_addresses_first = changes["highAddressesFirst"].as<bool>();
    }
    if (changes.hasOwnProperty("policy")) {
        auto policy = alloc::parse_policy(changes["policy"].as<std::string>());
        if (!policy) {
            return Error{"policy must be one of first-fit, next-fit, best-fit, explicit-lifo, explicit-address, "
                         "segregated, textbook"};
        }
        next.policy = *policy;
    }
    if (changes.hasOwnProperty("keepGoing")) next.keep_going = changes["keepGoing"].as<bool>();
    if (changes.hasOwnProperty("lightTheme")) next.light_theme = changes["lightTheme"].as<bool>();
    if (changes.hasOwnProperty("stackLimit")) {
        const double bytes = changes["stackLimit"].as<double>();
        if (auto problem = stack_limit_problem(bytes, "stackLimit")) return Error{*problem};
        next.stack_limit = static_cast<std::uint64_t>(bytes);
    }
    if (changes.hasOwnProperty("heapLimit")) {
        const double bytes = changes["heapLimit"].as<double>();
        if (auto problem = heap_limit_problem(bytes, "heapLimit")) return Error{*problem};
        next.heap_limit = static_cast<std::uint64_t>(bytes);
    }
    return next;
}

// Applies the fields present in `changes`; returns an error message, or "" when all applied.
std::string set_settings(val changes) {
    auto next = settings_from_js(changes, running_app().settings());
    if (!next.ok()) return next.error();
    running_app().set_settings(next.value());
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
    if (name == "keepGoing") {  // the Keep going button of a run paused at the step budget
        debugger.extend_budget();
        name = "continue";
    }
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

// The present moment in brief, for the page's step events: { step, line, state, narration,
// annotation }, or null when nothing is loaded. Cheap: no heap blocks, no variables.
val moment() {
    Debugger& debugger = running_app().debugger();
    if (!debugger.loaded()) return val::null();
    const Snapshot& s = debugger.snapshot();
    val out = val::object();
    out.set("step", static_cast<double>(s.step));
    out.set("line", s.line);
    out.set("state", std::string(name(s.state)));
    out.set("narration", s.narration);
    out.set("annotation", s.annotation);
    return out;
}

// What the loaded session keeps of the host's memory, by part, and the most each part may reach
// under the session's options (host_memory_bound); `wasmBytes` is the wasm memory's size, which
// only grows: the most the page has ever needed (docs/reliability.md#host-resource-limits).
val host_memory() {
    auto parts = [](const HostMemory& memory) {
        val out = val::object();
        out.set("program", static_cast<double>(memory.program));
        out.set("memory", static_cast<double>(memory.memory));
        out.set("machine", static_cast<double>(memory.machine));
        out.set("output", static_cast<double>(memory.output));
        out.set("history", static_cast<double>(memory.history));
        out.set("snapshot", static_cast<double>(memory.snapshot));
        out.set("total", static_cast<double>(memory.total()));
        return out;
    };
    const Session& session = running_app().debugger().session();
    val out = parts(session.host_memory());
    out.set("bound", parts(host_memory_bound(session.options())));
    out.set("wasmBytes", static_cast<double>(emscripten_get_heap_size()));
    return out;
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
// Opens what `Memviz.create`'s options ask for (docs/js-api.md): the same state a link carries,
// so a page hosting memviz and a link show a lesson the same way. The page's JS has checked
// the options' types. Returns why they cannot be opened ("" when opened); then nothing changes.
std::string open_options(val options) {
    Permalink link;
    link.source = options["code"].as<std::string>();
    if (link.source.size() > kMaxSourceBytes) return "code is larger than 1 MiB";
    if (options.hasOwnProperty("stdin")) link.stdin_text = options["stdin"].as<std::string>();
    if (options.hasOwnProperty("args")) link.arguments = options["args"].as<std::string>();
    if (link.stdin_text.size() > kMaxInputBytes || link.arguments.size() > kMaxInputBytes) {
        return "stdin and args are limited to 256 KiB each";
    }
    if (options.hasOwnProperty("settings")) {
        auto settings = settings_from_js(options["settings"], running_app().settings());
        if (!settings.ok()) return settings.error();
        link.settings = settings.value();
    } else {
        link.settings = running_app().settings();
    }
    if (options.hasOwnProperty("steps")) {
        auto granularity = history::parse_granularity(options["steps"].as<std::string>());
        if (!granularity) return "steps must be \"line\", \"statement\" or \"expression\"";
        link.granularity = *granularity;
    }
    if (options.hasOwnProperty("step")) link.step = static_cast<std::uint64_t>(options["step"].as<double>());
    if (options.hasOwnProperty("embed")) link.embed = options["embed"].as<bool>();
    if (options.hasOwnProperty("panels")) {
        const val panels = options["panels"];
        const unsigned count = panels["length"].as<unsigned>();
        for (unsigned i = 0; i < count; ++i) {
            std::string panel = panels[i].as<std::string>();
            if (!is_panel_name(panel)) return "panels names an unknown panel: " + panel.substr(0, 40);
            link.panels.push_back(std::move(panel));
        }
    }
    if (options.hasOwnProperty("readOnly")) link.read_only = options["readOnly"].as<bool>();
    if (options.hasOwnProperty("autoplay")) {
        link.autoplay = options["autoplay"].as<double>();
        if (!(link.autoplay >= 0 && link.autoplay <= 1000)) return "autoplay must be a speed in steps per second, up to 1000";
    }
    running_app().open_permalink(link);
    return "";
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
    emscripten::function("moment", &moment);
    emscripten::function("toggleBreakpoint", &toggle_breakpoint);
    emscripten::function("hostMemory", &host_memory);
    emscripten::function("openPermalink", &open_permalink);
    emscripten::function("permalink", &permalink);
    emscripten::function("openOptions", &open_options);
    emscripten::function("setPageUrl", &set_page_url);
    emscripten::function("panels", &panels);
    emscripten::function("setClipboard", &set_clipboard);
    emscripten::function("scroll", &scroll);
    emscripten::function("selectedText", &selected_text);
}

}  // namespace memviz::web

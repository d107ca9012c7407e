#include "debug_shell.h"

#include <algorithm>
#include <limits>

#include "debug_help.h"
#include "debug_views.h"
#include "debug_words.h"
#include "runtime_report.h"
#include "support/format.h"
#include "text_fit.h"

namespace memviz::shell {
namespace {

bool ended(const Snapshot& snapshot) {
    return snapshot.state == Snapshot::State::Exited || snapshot.state == Snapshot::State::Faulted;
}

bool same_frame(const Snapshot& a, const Snapshot& b) {
    if (a.frames.size() != b.frames.size()) return false;
    return a.frames.empty() || a.frames.front().function == b.frames.front().function;
}

}  // namespace

DebugShell::DebugShell(Session& session, std::string file, std::size_t width, std::uint64_t budget, std::ostream& out)
    : m_session(session), m_file(std::move(file)), m_width(width), m_budget(budget), m_out(out),
      m_lines(split_lines(session.source())), m_now(session.snapshot()) {}

void DebugShell::start() {
    say(m_file + ": " + std::to_string(m_lines.size()) + " lines, stepping by " +
        std::string(name(m_session.granularity())) + ". Type help for the commands.");
    show_location(true);
}

bool DebugShell::execute(std::string_view line) {
    line = trim(line);
    if (line.empty()) {
        if (m_last_move.empty()) return true;
        line = m_last_move;
    }
    const std::string command_line(line);  // m_last_move may be replaced below
    auto [word, rest] = split_word(command_line);
    if (word == "x" || word.starts_with("x/")) {
        examine(word.substr(1), rest);
        return true;
    }
    if (word == "info" && !rest.empty()) {
        // gdb's spellings of the views.
        if (rest == "locals" || rest == "args") word = "locals";
        else if (rest == "globals" || rest == "variables") word = "globals";
        else if (rest == "frame" || rest == "stack") word = "frames";
        else if (rest == "breakpoints" || rest == "watchpoints" || rest == "break") rest = {};
        else {
            say("info " + std::string(rest) + ": try info, info locals, info globals or info frame.");
            return true;
        }
    }
    const DebugCommand* command = find_debug_command(word);
    if (command == nullptr) {
        say("Unknown command \"" + std::string(word) + "\". Try \"help\".");
        return true;
    }
    const std::string_view name = command->name;

    // Moves: an optional repeat count, and an empty line repeats them.
    using SessionMove = StopReason (Session::*)(Granularity);
    const std::pair<std::string_view, SessionMove> counted[] = {
        {"step", &Session::step}, {"next", &Session::next}, {"back", &Session::step_back},
        {"reverse-next", &Session::next_back}};
    for (const auto& [move_name, method] : counted) {
        if (name != move_name) continue;
        const auto times = rest.empty() ? std::optional<std::uint64_t>(1) : parse_number(rest);
        if (!times || *times == 0) {
            say(std::string(name) + ": `" + std::string(rest) + "` is not a count (" + std::string(command->usage) + ")");
            return true;
        }
        m_last_move = command_line;
        move(method, *times, name == "step" || name == "next");
        return true;
    }
    if (name == "finish" || name == "reverse-finish") {
        if (m_now.frames.size() <= 1) {
            say(ended(m_now) ? "The program is not running." :
                name == "finish" ? "finish: main is the outermost function; continue runs to the end."
                                 : "reverse-finish: main is the outermost function; goto 0 goes to the start.");
            return true;
        }
        m_last_move = command_line;
        if (name == "finish") move([this] { return m_session.finish(); }, true);
        else move([this] { return m_session.finish_back(); }, false);
    } else if (name == "continue") {
        m_last_move = command_line;
        move([this] { return m_session.continue_forward(); }, true);
    } else if (name == "reverse-continue") {
        m_last_move = command_line;
        move([this] { return m_session.continue_back(); }, false);
    } else if (name == "until" || name == "goto" || name == "tick") {
        const auto number = parse_number(rest);
        if (!number || number > std::numeric_limits<std::uint32_t>::max()) {
            say(std::string(name) + " needs a number: " + std::string(command->usage));
            return true;
        }
        if (name == "until") {
            move([this, line_number = static_cast<std::uint32_t>(*number)] { return m_session.run_to_line(line_number); }, true);
        } else if (name == "goto") {
            move([this, step = *number] { return m_session.seek(m_session.granularity(), step); }, *number > m_now.step);
        } else {
            move([this, tick = *number] { return m_session.seek_tick(tick); }, *number > m_now.tick);
        }
    } else if (name == "break") {
        set_breakpoint(rest);
    } else if (name == "delete") {
        delete_breakpoint(rest);
    } else if (name == "watch") {
        watch(rest);
    } else if (name == "unwatch") {
        unwatch(rest);
    } else if (name == "print") {
        print(rest);
    } else if (name == "frames") {
        m_out << frames_view(m_now, m_width);
    } else if (name == "locals") {
        if (m_now.frames.empty()) {
            say("No locals: the program is not running.");
        } else {
            const FrameView& frame = m_now.frames.front();
            say("Locals of " + frame.function + " (line " + std::to_string(frame.line) + "):");
            if (frame.variables.empty()) say("  (none)");
            m_out << variables_view(frame.variables, m_width);
        }
    } else if (name == "globals") {
        if (m_now.globals.empty()) say("The program has no global variables.");
        m_out << variables_view(m_now.globals, m_width);
    } else if (name == "heap") {
        m_out << heap_view(m_now, m_width);
    } else if (name == "freelist") {
        m_out << free_lists_view(m_now, m_width);
    } else if (name == "layout") {
        m_out << layout_view(m_now, m_width);
    } else if (name == "output") {
        output();
    } else if (name == "explain") {
        explain();
    } else if (name == "list") {
        list(rest);
    } else if (name == "info") {
        info();
    } else if (name == "granularity") {
        granularity(rest);
    } else if (name == "help") {
        m_out << help_text(rest, m_width);
    } else if (name == "quit") {
        return false;
    }
    return true;
}

// --- moves -----------------------------------------------------------------------------------

void DebugShell::move(StopReason (Session::*one)(Granularity), std::uint64_t times, bool forward) {
    move(
        [this, one, times] {
            StopReason reason = StopReason::Step;
            for (std::uint64_t i = 0; i < times && reason == StopReason::Step; ++i) {
                reason = (m_session.*one)(m_session.granularity());
            }
            return reason;
        },
        forward);
}

void DebugShell::move(const std::function<StopReason()>& action, bool forward) {
    if (forward && m_now.state == Snapshot::State::Budget) {
        m_session.extend_budget(m_budget);
        say("Going on for another " + std::to_string(m_budget) + " steps.");
    }
    const std::vector<std::vector<Session::MemoryByte>> watched = watched_bytes();
    const StopReason reason = action();
    Snapshot before = std::move(m_now);
    m_now = m_session.snapshot();
    report(before, reason, watched);
}

void DebugShell::report(const Snapshot& before, StopReason reason,
                        const std::vector<std::vector<Session::MemoryByte>>& watched) {
    const bool moved = m_now.tick != before.tick;
    if (m_now.tick > before.tick) {
        // What the program printed on the way, and the mistakes it went past (--keep-going).
        for (const auto& [now, then] : {std::pair{&m_now.stdout_text, &before.stdout_text},
                                        std::pair{&m_now.stderr_text, &before.stderr_text}}) {
            if (now->size() <= then->size()) continue;
            m_out << now->substr(then->size());
            if (now->back() != '\n') m_out << "\n";
        }
        for (std::size_t i = before.reported.size(); i < m_now.reported.size(); ++i) {
            m_out << render_runtime_error(m_now.reported[i], m_file, m_session.source());
        }
    }
    switch (reason) {
        case StopReason::Breakpoint: say("Breakpoint at line " + std::to_string(m_now.line) + "."); break;
        case StopReason::Watchpoint: {
            std::vector<std::vector<Session::MemoryByte>> earlier = watched;
            if (m_now.tick < before.tick && m_now.tick > 0) {
                // Going back, the stop is right after the change: the old value is one
                // instruction earlier, not where the move began.
                m_session.seek_tick(m_now.tick - 1);
                earlier = watched_bytes();
                m_session.seek_tick(m_now.tick);
            }
            const std::vector<Watchpoint>& watches = m_session.watchpoints();
            for (std::size_t i = 0; i < watches.size() && i < earlier.size(); ++i) show_watch_change(watches[i], earlier[i]);
            break;
        }
        case StopReason::Start:
            say(moved ? "Back at the start of the program." : "Already at the start of the program: nothing happened before it.");
            break;
        case StopReason::Budget:
            say("Paused after " + std::to_string(m_now.tick) +
                " steps (--max-steps): the program may be in an endless loop. continue goes on for another " +
                std::to_string(m_budget) + ".");
            break;
        case StopReason::End:
        case StopReason::Step:
        case StopReason::Slice:  // the shell runs moves whole
        case StopReason::NotLoaded: break;
    }
    if (ended(m_now)) {
        report_end(moved);
        return;
    }
    show_location(!same_frame(before, m_now));
    // A lesson's own note for the line that ran first; then the narration, which tells of a
    // return when there is one; without it, the bare fact.
    if (!m_now.annotation.empty()) say(m_now.annotation);
    if (!m_now.narration.empty()) say(m_now.narration);
    else if (m_now.returned) say(*m_now.returned);
}

void DebugShell::report_end(bool moved) {
    if (!moved) {
        say("The program has ended; back, reverse-continue and goto go back into it.");
        return;
    }
    if (m_now.state == Snapshot::State::Faulted && m_now.error) {
        say("The program stopped at a runtime error:");
        m_out << render_runtime_error(*m_now.error, m_file, m_session.source());
        return;
    }
    say("The program exited with status " + std::to_string(m_now.exit_status) + ".");
    // Leaks, as memviz run reports them: what is still allocated at the end.
    bool leaked = false;
    for (const HeapBlockView& block : m_now.heap) {
        if (!block.allocated) continue;
        m_out << render_leak(m_file, block.allocated_at, block.requested, block.payload, !block.leaked);
        leaked = true;
    }
    if (leaked) m_out << concept_line(vm::kLeakConcept);
}

void DebugShell::show_location(bool frame_changed) {
    if (m_now.frames.empty()) return;
    const FrameView& frame = m_now.frames.front();
    if (frame_changed) {
        // gdb's frame line: "push_front (head=NULL, value=10) at list.c:11".
        std::string header = frame.function + " (";
        bool first = true;
        for (const ValueView& v : frame.variables) {
            if (!v.is_parameter) continue;
            header += (first ? "" : ", ") + v.name + "=" + inline_value(v);
            first = false;
        }
        m_out << fit(header + ") at " + m_file + ":" + std::to_string(m_now.line), m_width) << "\n";
    }
    m_out << source_line(m_lines, m_now.line, m_width);
    if (m_session.granularity() == Granularity::Expression && m_now.column > 0 && m_now.line <= m_lines.size()) {
        // A caret under the expression that runs next, tabs expanded as in the line above.
        const std::string_view text = m_lines[m_now.line - 1];
        const std::string before = expand_tabs(text.substr(0, std::min<std::size_t>(m_now.column - 1, text.size())));
        m_out << std::string(6 + display_width(before), ' ') << "^\n";
    }
}

ValueSource DebugShell::values() const {
    return {m_now, m_session.options().data_model, [this](Addr a, std::uint64_t n) { return m_session.read_memory(a, n); }};
}

std::optional<Evaluation> DebugShell::evaluate_or_say(std::string_view expression, std::string_view command) {
    auto evaluated = m_session.evaluate(expression, command);
    if (!evaluated.ok()) {
        say(evaluated.error());
        return std::nullopt;
    }
    return std::move(evaluated.value());
}

std::vector<std::vector<Session::MemoryByte>> DebugShell::watched_bytes() {
    std::vector<std::vector<Session::MemoryByte>> out;
    for (const Watchpoint& watch : m_session.watchpoints()) out.push_back(m_session.read_memory(watch.first, watch.size));
    return out;
}

std::string DebugShell::value_text(std::string_view type, const std::vector<Session::MemoryByte>& bytes) const {
    const ValueSource source = values();
    if (!type.empty()) {
        if (auto text = scalar_text(source, type, bytes)) return *text;
    }
    // Not a scalar: the bytes, as x/xb shows them.
    std::string text;
    for (const Session::MemoryByte& byte : bytes) {
        if (!text.empty()) text += " ";
        if (!byte.value) text += "--";
        else if (byte.shadow == Shadow::Uninitialized) text += "?";
        else text += (*byte.value < 16 ? "0x0" : "0x") + hex_address(*byte.value).substr(2);
    }
    return text;
}

void DebugShell::show_watch_change(const Watchpoint& watch, const std::vector<Session::MemoryByte>& before) {
    const std::vector<Session::MemoryByte> now = m_session.read_memory(watch.first, watch.size);
    auto same = [](const Session::MemoryByte& a, const Session::MemoryByte& b) {
        return a.value == b.value && a.shadow == b.shadow;
    };
    if (std::equal(now.begin(), now.end(), before.begin(), before.end(), same)) return;
    const std::string type = m_watch_types.contains(watch.id) ? m_watch_types.at(watch.id) : std::string();
    say("Watchpoint " + std::to_string(watch.id) + ": " + watch.label);
    say("Old value = " + value_text(type, before));
    say("New value = " + value_text(type, now));
}

void DebugShell::say(const std::string& text) {
    for (std::string_view line : split_lines(text)) {
        for (const std::string& part : wrap(line, m_width)) m_out << part << "\n";
    }
}

}  // namespace memviz::shell

// The commands of DebugShell that do not move: breakpoints, watchpoints, and the ones that look
// (print, x, list, info, explain, output). Moves and what they report are in debug_shell.cpp.
#include <algorithm>
#include <set>

#include "debug_memory.h"
#include "debug_shell.h"
#include "debug_views.h"
#include "debug_words.h"
#include "support/format.h"
#include "text_fit.h"

namespace memviz::shell {

// --- breakpoints and watchpoints ------------------------------------------------------------

void DebugShell::set_breakpoint(std::string_view argument) {
    if (const std::size_t colon = argument.rfind(':'); colon != std::string_view::npos) argument = argument.substr(colon + 1);
    const auto line = parse_number(argument);
    if (!line) {
        say("break needs a line number: break 12");
        return;
    }
    if (*line == 0 || *line > m_lines.size()) {
        say("Line " + std::to_string(*line) + " is outside " + m_file + ", which has " + std::to_string(m_lines.size()) + " lines.");
        return;
    }
    const auto number = static_cast<std::uint32_t>(*line);
    if (m_session.breakpoints().contains(number)) {
        say("There is already a breakpoint at line " + std::to_string(number) + ".");
        return;
    }
    m_session.set_breakpoint(number);
    say("Breakpoint at line " + std::to_string(number) + ":");
    m_out << source_line(m_lines, number, m_width);
    const std::string_view code = trim(m_lines[number - 1]);
    if (code.empty() || code.starts_with("//") || code.starts_with("/*") || code.starts_with("*")) {
        say("(line " + std::to_string(number) + " holds no code, so the program never stops there)");
    }
}

void DebugShell::delete_breakpoint(std::string_view argument) {
    if (argument.empty()) {
        const std::set<std::uint32_t> all = m_session.breakpoints();
        for (std::uint32_t line : all) m_session.clear_breakpoint(line);
        say(all.empty() ? "There are no breakpoints." : "Deleted every breakpoint.");
        return;
    }
    const auto line = parse_number(argument);
    if (!line || !m_session.breakpoints().contains(static_cast<std::uint32_t>(*line))) {
        say("There is no breakpoint at line " + std::string(argument) + ".");
        return;
    }
    m_session.clear_breakpoint(static_cast<std::uint32_t>(*line));
    say("Deleted the breakpoint at line " + std::to_string(*line) + ".");
}

void DebugShell::watch(std::string_view argument) {
    if (argument.empty()) {
        say("watch what? For example: watch total, watch p->next, watch 0x4052a0 8");
        return;
    }
    Addr address = 0;
    std::uint64_t size = 4;
    std::string type;
    auto [first, second] = split_word(argument);
    if (auto number = parse_number(first); number && first.starts_with("0x")) {
        address = *number;
        if (!second.empty()) {
            const auto bytes = parse_number(second);
            if (!bytes || *bytes == 0 || *bytes > 4096) {
                say("watch ADDRESS SIZE: the size is a number of bytes from 1 to 4096");
                return;
            }
            size = *bytes;
        }
    } else {
        const auto evaluated = evaluate_or_say(argument, "watch");
        if (!evaluated) return;
        const ValueView& value = evaluated->value;
        if (!evaluated->lvalue || value.size == 0) {
            // A watchpoint is a range of bytes compared after every instruction: a computed
            // value has none. What it was computed from has.
            std::string text = "`" + value.name + "` is a value, not memory: watch stops when memory changes, so it " +
                               "watches a variable, an element, a member or *p.";
            if (!evaluated->reads.empty()) {
                std::string reads;
                for (const std::string& read : evaluated->reads) reads += (reads.empty() ? "`" : ", `") + read + "`";
                text += " This one reads " + reads + ": watch " + (evaluated->reads.size() == 1 ? "that" : "those") + " instead.";
            }
            say(text);
            return;
        }
        address = value.address;
        size = value.size;
        type = value.type;
    }
    const int id = m_session.add_watchpoint(address, size, std::string(argument));
    m_watch_types[id] = type;
    say("Watchpoint " + std::to_string(id) + ": " + std::string(argument) + " (" + std::to_string(size) + " byte" +
        (size == 1 ? "" : "s") + " at " + hex_address(address) + "), now " +
        value_text(type, m_session.read_memory(address, size)) + ".");
}

void DebugShell::unwatch(std::string_view argument) {
    if (argument.empty()) {
        const std::vector<Watchpoint> all = m_session.watchpoints();
        for (const Watchpoint& watch : all) m_session.remove_watchpoint(watch.id);
        m_watch_types.clear();
        say(all.empty() ? "There are no watchpoints." : "Deleted every watchpoint.");
        return;
    }
    const auto id = parse_number(argument);
    if (!id || !m_watch_types.contains(static_cast<int>(*id))) {
        say("There is no watchpoint " + std::string(argument) + ".");
        return;
    }
    m_session.remove_watchpoint(static_cast<int>(*id));
    m_watch_types.erase(static_cast<int>(*id));
    say("Deleted watchpoint " + std::string(argument) + ".");
}

// --- looking ---------------------------------------------------------------------------------

void DebugShell::print(std::string_view expression) {
    if (expression.empty()) {
        say("print what? For example: print total, print *p, print scores[2], print list->next");
        return;
    }
    const auto evaluated = evaluate_or_say(expression, "print");
    if (!evaluated) return;
    const ValueView& value = evaluated->value;
    std::string text = value.name + " = " + inline_value(value) + " (" + value.type + ")";
    if (!value.initialized && value.value == "?") text += ": never written, so its value is unknown";
    for (const std::string& line : wrap(text, m_width, "")) m_out << line << "\n";
    if (value.target && value.target->kind != PointerTarget::Kind::Uninitialized &&
        value.target->kind != PointerTarget::Kind::Null) {
        for (const std::string& line : wrap("-> " + value.target->description, m_width, "  ")) m_out << line << "\n";
    }
}

void DebugShell::examine(std::string_view spec, std::string_view expression) {
    const auto format = parse_dump_format(spec);
    if (!format.ok()) {
        say("x" + std::string(spec) + ": " + format.error());
        return;
    }
    if (expression.empty()) {
        say("x needs an address: x/4xw &n, x/s name, x/8xb 0x4052a0");
        return;
    }
    const auto evaluated = evaluate_or_say(expression, "x");
    if (!evaluated) return;
    const ValueView& value = evaluated->value;
    // As gdb does: an array means its first byte, a pointer or an integer its value.
    std::optional<Addr> address;
    if (evaluated->lvalue && is_array_type(value.type)) {
        address = value.address;
    } else if (evaluated->number) {
        address = *evaluated->number;
    } else if (!value.children.empty()) {
        say("`" + value.name + "` is a " + value.type + ", not an address: x/8xb &" + value.name + " dumps its bytes.");
        return;
    } else {
        say("`" + value.name + "` has no address value (" + value.value + ").");
        return;
    }
    auto dump = dump_memory(values(), *address, format.value(), m_width);
    if (!dump.ok()) say(dump.error());
    else m_out << dump.value();
}

void DebugShell::list(std::string_view argument) {
    std::uint64_t center = m_now.line;
    if (!argument.empty()) {
        const auto line = parse_number(argument);
        if (!line || *line == 0 || *line > m_lines.size()) {
            say("list LINE: a line from 1 to " + std::to_string(m_lines.size()));
            return;
        }
        center = *line;
    }
    const auto first = static_cast<std::uint32_t>(center > 5 ? center - 5 : 1);
    m_out << source_view(m_lines, first, first + 10, m_now.line, m_session.breakpoints(), m_width);
}

void DebugShell::info() {
    const std::string g(name(m_session.granularity()));
    say("Stop " + std::to_string(m_now.step) + " of " + std::to_string(m_now.step_count) + " (" + g + " stops" +
        (m_now.finished ? "" : " recorded so far; the run goes on past them") + "), after " +
        std::to_string(m_now.tick) + " instructions.");
    switch (m_now.state) {
        case Snapshot::State::Paused: say("The program is running, at line " + std::to_string(m_now.line) + "."); break;
        case Snapshot::State::Exited: say("The program has exited with status " + std::to_string(m_now.exit_status) + "."); break;
        case Snapshot::State::Faulted: say("The program stopped at a runtime error on line " + std::to_string(m_now.line) + "."); break;
        case Snapshot::State::Budget: say("The program is paused: its step budget (--max-steps) is spent."); break;
    }
    std::string history = "History: " + human_size(m_now.history.bytes) + " in " + std::to_string(m_now.history.checkpoints) +
                          " checkpoint" + (m_now.history.checkpoints == 1 ? "" : "s");
    if (m_now.history.limit_reached) {
        history += "; the limit was reached, so nothing before instruction " + std::to_string(m_now.history.earliest_tick) +
                   " can be gone back to";
    }
    say(history + ".");
    std::string breakpoints;
    for (std::uint32_t line : m_session.breakpoints()) breakpoints += (breakpoints.empty() ? "" : ", ") + std::to_string(line);
    say(breakpoints.empty() ? "No breakpoints." : "Breakpoints at lines " + breakpoints + ".");
    if (m_session.watchpoints().empty()) say("No watchpoints.");
    for (const Watchpoint& watch : m_session.watchpoints()) {
        say("Watchpoint " + std::to_string(watch.id) + ": " + watch.label + " (" + std::to_string(watch.size) + " bytes at " +
            hex_address(watch.first) + ")");
    }
}

void DebugShell::explain() {
    // The session's narration tells all a step did; without one, the changes are listed.
    const Changes& changes = m_now.changes;
    if (!m_now.narration.empty()) {
        say(m_now.narration);
    } else {
        if (m_now.returned) say(*m_now.returned);
        for (const std::string& function : changes.frames_pushed) say("Called " + function + ": a new frame on the stack.");
        for (const std::string& function : changes.frames_popped) say(function + " returned: its frame was popped.");
        for (Addr payload : changes.allocated) say("Allocated the block at " + hex_address(payload) + ".");
        for (Addr payload : changes.freed) say("Freed the block at " + hex_address(payload) + ".");
        for (const Changes::Range& range : changes.written) {
            say("Wrote " + std::to_string(range.size) + " byte" + (range.size == 1 ? "" : "s") + " at " +
                hex_address(range.first) + ": " + describe_address(m_now, range.first).description + ".");
        }
    }
    const bool said = !m_now.narration.empty() || m_now.returned || !changes.frames_pushed.empty() ||
                      !changes.frames_popped.empty() || !changes.allocated.empty() || !changes.freed.empty() ||
                      !changes.written.empty();
    if (m_now.state == Snapshot::State::Faulted && m_now.error) {
        const vm::RuntimeError& error = *m_now.error;
        say("The program stopped at a runtime error: " + std::string(vm::name(error.kind)) + " at line " +
            std::to_string(error.loc.line) + ", column " + std::to_string(error.loc.column) + ".");
        say(error.message);
        if (!error.explanation.empty()) say(error.explanation);
        m_out << concept_line(vm::concept_anchor(error.kind));
    } else if (m_now.state == Snapshot::State::Exited) {
        say("The program has exited with status " + std::to_string(m_now.exit_status) + ".");
    } else if (!said) {
        say(m_now.tick == 0 ? "Nothing has run yet." : "The last move changed nothing in memory.");
    }
}

void DebugShell::output() {
    if (m_now.stdout_text.empty() && m_now.stderr_text.empty()) {
        say("The program has printed nothing yet.");
        return;
    }
    if (!m_now.stdout_text.empty()) {
        say("Standard output so far:");
        m_out << m_now.stdout_text << (m_now.stdout_text.back() == '\n' ? "" : "\n");
    }
    if (!m_now.stderr_text.empty()) {
        say("Standard error so far:");
        m_out << m_now.stderr_text << (m_now.stderr_text.back() == '\n' ? "" : "\n");
    }
}

void DebugShell::granularity(std::string_view argument) {
    if (!argument.empty()) {
        const auto g = history::parse_granularity(argument);
        if (!g) {
            say("granularity: line, statement or expression");
            return;
        }
        m_session.set_granularity(*g);
        m_now = m_session.snapshot();  // step numbers count this granularity's stops
    }
    say("Stepping by " + std::string(name(m_session.granularity())) + ".");
}

}  // namespace memviz::shell

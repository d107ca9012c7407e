#include "debug_help.h"

#include <algorithm>
#include <array>

#include "text_fit.h"

namespace memviz::shell {
namespace {

constexpr std::array kCommands = {
    DebugCommand{"step", "s", "step [N]", "Run to the next stop, going into calls (N times).",
                 "Runs to the next stop at the session's granularity (--granularity: a line, a statement or an "
                 "expression), entering any function that is called, then shows the line."},
    DebugCommand{"next", "n", "next [N]", "Run to the next stop in this function, over calls.",
                 "Like step, but a call runs to its return without stopping inside (unless at a breakpoint or a "
                 "watchpoint)."},
    DebugCommand{"finish", "fin", "finish", "Run until this function returns; show what it returned.",
                 "Runs until the current function returns to its caller and stops there, right after the call, "
                 "showing the returned value."},
    DebugCommand{"back", "reverse-step rs", "back [N]", "Go back to the previous stop, into calls.",
                 "Time travel: the previous stop, exactly as memory was then. Goes back into a function that "
                 "returned just before. Also reverse-step and rs."},
    DebugCommand{"reverse-next", "rn", "reverse-next [N]", "Go back to the previous stop in this function.",
                 "Like back, but steps back over whole calls."},
    DebugCommand{"reverse-finish", "", "reverse-finish", "Go back to where this function was called.",
                 "Goes back to the stop, in the caller, where the current function was called."},
    DebugCommand{"continue", "c cont", "continue", "Run to a breakpoint, a watchpoint's change, or the end.",
                 "Runs forward until a line with a breakpoint is reached, a watched value changes, or the "
                 "program ends. When the step budget (--max-steps) ran out, continue raises it by as much again."},
    DebugCommand{"reverse-continue", "rc", "reverse-continue", "Go back to a breakpoint, a watchpoint's change, or the start.",
                 "Runs backward to the last breakpoint line or watched change before now, or to the start."},
    DebugCommand{"until", "advance", "until LINE", "Run to LINE (or a breakpoint, or the end).",
                 "Runs forward until the program reaches LINE."},
    DebugCommand{"goto", "", "goto STEP", "Go to stop number STEP (from 0), in either direction.",
                 "Every stop of the run has a number at the session's granularity; info shows the current one and "
                 "how many the run has. goto goes straight there."},
    DebugCommand{"tick", "", "tick N", "Go to the moment after N instructions.",
                 "The finest position: N instructions after the start. Usually between stops."},
    DebugCommand{"break", "b", "break LINE", "Stop at LINE when running forward or backward.",
                 "Sets a breakpoint on a source line (LINE or FILE:LINE). continue and reverse-continue stop "
                 "there."},
    DebugCommand{"delete", "d", "delete [LINE]", "Remove the breakpoint at LINE (or all breakpoints).",
                 "Without LINE, removes every breakpoint."},
    DebugCommand{"watch", "", "watch EXPR", "Stop when the memory EXPR names changes.",
                 "EXPR is a C expression that names memory (total, scores[i], p->next, *p), evaluated once as "
                 "print evaluates it, or a hex address with a size in bytes (watch 0x4052a0 8; 4 bytes when no "
                 "size is given). The watchpoint watches those bytes, wherever the program is: scores[i] stays "
                 "the element i was when it was set, and a local's bytes stay watched after its function "
                 "returns. A computed value (total + 1) has no bytes: watch what it reads. Moves stop right "
                 "after the change and show the old and the new value."},
    DebugCommand{"unwatch", "", "unwatch [N]", "Remove watchpoint N (or all watchpoints).", "Without N, removes every watchpoint."},
    DebugCommand{"print", "p", "print EXPR", "Show a value: its type, and what a pointer points to.",
                 "EXPR is any C expression over the current function's parameters and locals in scope and "
                 "the globals, with the program's types, macros and data model: print scores[i] * 2 + 1, "
                 "print (long)p, print list->next->value, print -1 < 1u, print sizeof(struct node). Nothing "
                 "runs, so printing never changes the program: assignments, ++, --, calls and compound "
                 "literals are refused. Reading freed, out-of-bounds or never-written memory says so."},
    DebugCommand{"x", "", "x/NFU ADDR", "Dump memory as gdb does: N units of U in format F.",
                 "F is x (hex), d (signed), u (unsigned), c (characters) or s (strings); U is b (1 byte), h (2), "
                 "w (4) or g (8); the defaults are x/1xw. ADDR is a hex address or an expression: a pointer's "
                 "value or an array's address is used (x/4xw scores, x/16xb p, x/s name, x/2xg &n). Bytes never "
                 "written show as ?."},
    DebugCommand{"frames", "bt backtrace", "frames", "The call stack: one box per frame with its variables.",
                 "Innermost first: the function and line, the frame's addresses, the return address and saved "
                 "frame pointer, and each variable with its address, type and value; * marks what the last move "
                 "changed, ? what was never written."},
    DebugCommand{"locals", "", "locals", "The current function's variables (also: info locals).",
                 "Parameters first, then the locals in scope."},
    DebugCommand{"globals", "", "globals", "The program's global and static variables.", "One row per variable, as in frames."},
    DebugCommand{"heap", "", "heap", "The heap's blocks: sizes, state, lines, free-list links.",
                 "Every block in address order with its header and payload address, its size, the bytes asked "
                 "for, padding and header overhead, whether it is allocated, freed by the program or free, the "
                 "lines of its malloc and free, and a free block's neighbours in its free list; then utilization "
                 "and fragmentation."},
    DebugCommand{"freelist", "freelists", "freelist", "The allocator's free lists, in list order.",
                 "The blocks on each free list, as the allocator will search them."},
    DebugCommand{"layout", "", "layout", "The address space: segments, and how much of heap and stack is used.",
                 "A bar of the seven segments, low addresses on the left, then each segment's range, "
                 "permissions and size."},
    DebugCommand{"output", "", "output", "What the program has printed so far.", "Its standard output, then its standard error."},
    DebugCommand{"explain", "", "explain", "What the last move did, and the error if the program stopped at one.",
                 "The narration of the last step, what it changed in memory, and, at a runtime error, its kind, "
                 "line, message and explanation."},
    DebugCommand{"list", "l where", "list [LINE]", "The source around the current line (or LINE).",
                 "Eleven lines, => marking the current line and b the breakpoints."},
    DebugCommand{"info", "", "info", "Where the run is: stop, tick, history, breakpoints, watchpoints.",
                 "Also info locals, info globals, info frame."},
    DebugCommand{"granularity", "", "granularity [KIND]", "Show or set what a step is.",
                 "KIND is line (one source line), statement (one C statement, the default) or expression (each "
                 "expression evaluated, the finest)."},
    DebugCommand{"help", "h", "help [COMMAND]", "This list, or one command's description.", ""},
    DebugCommand{"quit", "q exit", "quit", "End the session (so does the end of input).", ""},
};

}  // namespace

std::span<const DebugCommand> debug_commands() { return kCommands; }

const DebugCommand* find_debug_command(std::string_view word) {
    for (const DebugCommand& command : kCommands) {
        if (command.name == word) return &command;
        std::string_view aliases = command.aliases;
        while (!aliases.empty()) {
            const std::size_t space = aliases.find(' ');
            if (aliases.substr(0, space) == word) return &command;
            if (space == std::string_view::npos) break;
            aliases.remove_prefix(space + 1);
        }
    }
    return nullptr;
}

std::string help_text(std::string_view topic, std::size_t width) {
    std::string out;
    if (topic.empty()) {
        std::size_t usage_width = 0;
        for (const DebugCommand& command : kCommands) usage_width = std::max(usage_width, command.usage.size());
        const std::string indent(usage_width + 4, ' ');
        for (const DebugCommand& command : kCommands) {
            const std::vector<std::string> lines = wrap(command.summary, width, indent);
            out += "  " + pad(command.usage, usage_width + 2) + lines.front().substr(indent.size()) + "\n";
            for (std::size_t i = 1; i < lines.size(); ++i) out += lines[i] + "\n";
        }
        for (const std::string& line :
             wrap("An empty line repeats the last move (step, next, finish, continue or a reverse one). help COMMAND "
                  "says more.", width)) {
            out += line + "\n";
        }
        return out;
    }
    const DebugCommand* command = find_debug_command(topic);
    if (command == nullptr) return "No command \"" + std::string(topic) + "\". Try \"help\".\n";
    out += std::string(command->usage) + "\n";
    for (const std::string& line : wrap(command->summary, width, "  ")) out += line + "\n";
    if (!command->details.empty()) {
        for (const std::string& line : wrap(command->details, width, "  ")) out += line + "\n";
    }
    if (!command->aliases.empty()) out += "  Also: " + std::string(command->aliases) + "\n";
    return out;
}

}  // namespace memviz::shell

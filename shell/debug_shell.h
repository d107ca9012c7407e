// The command interpreter of `memviz debug`: one line in, its answer out. It drives a loaded
// Session and keeps the snapshot of the current moment, which every command reads and every
// move replaces; what a move printed is worked out by comparing the snapshots before and after
// (new output, new errors, a watched value's old and new bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "debug_values.h"
#include "session.h"

namespace memviz::shell {

class DebugShell {
public:
    // Precondition: `session` is loaded. `file` names the program in messages; `budget` is the
    // step budget continue adds when a run is paused at it.
    DebugShell(Session& session, std::string file, std::size_t width, std::uint64_t budget, std::ostream& out);

    // Where the run starts: the program's name and first line.
    void start();
    // Runs one command line (an empty one repeats the last move); false when it was `quit`.
    bool execute(std::string_view line);

private:
    // Runs `move` `times` times (stopping early at anything but a plain step) and reports.
    void move(StopReason (Session::*one)(Granularity), std::uint64_t times, bool forward);
    void move(const std::function<StopReason()>& action, bool forward);
    void report(const Snapshot& before, StopReason reason, const std::vector<std::vector<Session::MemoryByte>>& watched);
    void report_end(bool moved);
    void show_location(bool force_frame);
    void show_watch_change(const Watchpoint& watch, const std::vector<Session::MemoryByte>& before);

    void print(std::string_view expression);
    void examine(std::string_view spec, std::string_view expression);
    void set_breakpoint(std::string_view argument);
    void delete_breakpoint(std::string_view argument);
    void watch(std::string_view argument);
    void unwatch(std::string_view argument);
    void list(std::string_view argument);
    void info();
    void explain();
    void output();
    void granularity(std::string_view argument);

    void say(const std::string& text);  // one or more lines, wrapped to the width
    std::string value_text(std::string_view type, const std::vector<Session::MemoryByte>& bytes) const;
    std::vector<std::vector<Session::MemoryByte>> watched_bytes();
    ValueSource values() const;  // the current snapshot and memory, for x and watch's values
    // `expression` evaluated by the session for `command` (print, watch, x), or nothing after
    // saying why it could not be.
    std::optional<Evaluation> evaluate_or_say(std::string_view expression, std::string_view command);

    Session& m_session;
    std::string m_file;
    std::size_t m_width;
    std::uint64_t m_budget;
    std::ostream& m_out;
    std::vector<std::string_view> m_lines;  // into the session's source, loaded once for the shell's life
    Snapshot m_now;
    std::string m_last_move;                // the last move command, for an empty line
    std::map<int, std::string> m_watch_types;  // watchpoint id -> C type of what it watches ("" for raw bytes)
};

}  // namespace memviz::shell

// The program the student is looking at, and the moves the controls make on it: a Session plus
// what a screen needs around one — the source being edited, the snapshot of the present moment
// (made once per moment, not once per frame), the line the last move left, and the long moves
// that run between frames (continue in slices; play, one step per tick of a clock).
//
// Knows nothing of ImGui: views call it, and it never draws.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "session.h"

namespace memviz::web {

enum class Move : std::uint8_t {
    Step,          // into
    Next,          // over
    Finish,        // out
    StepBack,
    NextBack,
    FinishBack,
    Continue,      // to a breakpoint or the end, in slices between frames
    ContinueBack,
    Restart,       // back to the start of main
};

class Debugger {
public:
    // The text in the editor; edits do not touch the loaded program until load().
    std::string& source() { return m_source; }
    // Compiles the editor's text with `options` and positions at the start of main. False when
    // it did not compile: diagnostics() says why, and the previous program is gone.
    bool load(const SessionOptions& options);
    bool loaded() const { return m_session.loaded(); }
    // The source that was loaded (the editor's text may have changed since).
    const std::string& loaded_source() const { return m_session.source(); }
    const Diagnostics& diagnostics() const { return m_session.diagnostics(); }
    // True when the editor's text differs from what is loaded.
    bool edited() const { return !loaded() || m_source != m_session.source(); }

    // The size of a step; the snapshot's step numbers count in it.
    void set_granularity(Granularity g);
    Granularity granularity() const { return m_session.granularity(); }

    void move(Move move);
    void seek(std::uint64_t step);
    // Stops a running continue or play where it is.
    void pause();
    bool running() const { return m_running; }
    // Plays forward one step every 1/steps_per_second seconds until the end or pause().
    void play(double steps_per_second);
    bool playing() const { return m_playing; }

    void toggle_breakpoint(std::uint32_t line);
    bool has_breakpoint(std::uint32_t line) const { return m_session.breakpoints().contains(line); }

    // Called once per frame with the clock: advances a running continue by one slice (sized
    // to take about `budget_ms`) or a play by the steps due.
    void update(double now_ms, double budget_ms = 12.0);

    // The present moment, in outline: heap blocks without their contents (heap_block reads
    // those for the blocks on screen). While a continue runs, the moment it started from. Holds until
    // the next move.
    const Snapshot& snapshot();
    // The same with every block's contents, for the JS API.
    const Snapshot& full_snapshot();
    // A block of snapshot() in full, read once per moment (while a continue runs, as it is).
    const HeapBlockView& heap_block(const HeapBlockView& block);
    // Changes whenever the present moment does: views rebuild what they derive from the
    // snapshot when it changes, not every frame.
    std::uint64_t generation() const { return m_generation; }
    // The line the last move started from (0 before any move): "the last-executed line".
    std::uint32_t previous_line() const { return m_previous_line; }
    std::optional<StopReason> last_stop() const { return m_last_stop; }
    // Instructions executed at the present moment, live while a continue runs.
    std::uint64_t tick() const { return m_session.loaded() ? m_session.position().tick : 0; }
    // Extends the step budget of a run paused by it (an endless loop the student wants to
    // watch further).
    void extend_budget();

    Session& session() { return m_session; }

private:
    void moved(StopReason reason);

    Session m_session;
    std::string m_source;
    std::optional<Snapshot> m_held;  // the moment the views show while a continue runs
    std::map<Addr, HeapBlockView> m_blocks;  // heap_block of this moment, by payload
    std::uint64_t m_generation = 0;
    std::uint32_t m_previous_line = 0;
    std::optional<StopReason> m_last_stop;
    bool m_running = false;
    bool m_playing = false;
    double m_play_interval_ms = 500;
    double m_next_play_ms = 0;
    std::uint64_t m_slice = 200'000;  // instructions per frame while continuing, adapted to the clock
};

}  // namespace memviz::web

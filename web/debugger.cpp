#include "debugger.h"

#include <algorithm>
#include <chrono>

namespace memviz::web {

bool Debugger::load(const SessionOptions& options) {
    m_running = false;
    m_playing = false;
    const bool ok = !m_session.load(m_source, options).has_errors();
    m_previous_line = 0;
    m_last_stop.reset();
    m_held.reset();
    m_blocks.clear();
    ++m_generation;
    return ok;
}

void Debugger::moved(StopReason reason) {
    m_last_stop = reason;
    m_held.reset();
    m_blocks.clear();
    ++m_generation;
}

void Debugger::move(Move move) {
    if (!loaded()) return;
    m_running = false;
    m_playing = false;
    m_previous_line = snapshot().line;
    const Granularity g = granularity();
    switch (move) {
        case Move::Step: return moved(m_session.step(g));
        case Move::Next: return moved(m_session.next(g));
        case Move::Finish: return moved(m_session.finish());
        case Move::StepBack: return moved(m_session.step_back(g));
        case Move::NextBack: return moved(m_session.next_back(g));
        case Move::FinishBack: return moved(m_session.finish_back());
        case Move::ContinueBack: return moved(m_session.continue_back());
        case Move::Restart: {
            m_previous_line = 0;
            return moved(m_session.seek(g, 0));
        }
        case Move::Continue:
            // Runs in update(), a slice per frame, so the page keeps drawing; the views keep
            // showing this moment until it stops.
            m_held = snapshot();
            m_running = true;
            return;
    }
}

void Debugger::seek(std::uint64_t step) {
    if (!loaded()) return;
    m_running = false;
    m_playing = false;
    m_previous_line = snapshot().line;
    moved(m_session.seek(granularity(), step));
}

void Debugger::pause() {
    if (m_running || m_playing) moved(StopReason::Step);
    m_running = false;
    m_playing = false;
}

void Debugger::play(double steps_per_second) {
    if (!loaded()) return;
    m_running = false;
    m_playing = true;
    m_play_interval_ms = 1000.0 / std::clamp(steps_per_second, 0.25, 1000.0);
    m_next_play_ms = 0;
}

void Debugger::toggle_breakpoint(std::uint32_t line) {
    if (has_breakpoint(line)) m_session.clear_breakpoint(line);
    else m_session.set_breakpoint(line);
}

void Debugger::set_granularity(Granularity g) {
    if (g == granularity()) return;
    m_session.set_granularity(g);
    m_blocks.clear();
    ++m_generation;
}

void Debugger::extend_budget() { m_session.extend_budget(m_session.options().max_steps); }

void Debugger::update(double now_ms, double budget_ms) {
    if (!loaded()) return;
    if (m_playing) {
        if (m_next_play_ms == 0) m_next_play_ms = now_ms;
        if (now_ms < m_next_play_ms) return;
        m_next_play_ms += m_play_interval_ms;
        if (m_next_play_ms < now_ms) m_next_play_ms = now_ms + m_play_interval_ms;  // fell behind: no burst
        m_previous_line = snapshot().line;
        const StopReason reason = m_session.step(granularity());
        moved(reason);
        if (reason != StopReason::Step) m_playing = false;
        return;
    }
    if (!m_running) return;
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double, std::milli>(budget_ms));
    const StopReason reason = m_session.continue_forward_for(m_slice, deadline);
    const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // Aim the next slice at the frame's budget: the VM's speed differs by program and machine.
    if (spent > 0) {
        const double scaled = static_cast<double>(m_slice) * std::clamp(budget_ms / spent, 0.5, 2.0);
        m_slice = static_cast<std::uint64_t>(std::clamp(scaled, 1'000.0, 20'000'000.0));
    }
    if (reason == StopReason::Slice) {
        // Still running: the views keep the last snapshot, the progress shows the tick.
        return;
    }
    m_running = false;
    moved(reason);
}

const Snapshot& Debugger::snapshot() {
    if (m_running && m_held) return *m_held;
    return m_session.snapshot(SnapshotDetail::Outline);
}

const Snapshot& Debugger::full_snapshot() {
    if (m_running && m_held) return *m_held;
    return m_session.snapshot(SnapshotDetail::Full);
}

const HeapBlockView& Debugger::heap_block(const HeapBlockView& block) {
    if (auto cached = m_blocks.find(block.payload); cached != m_blocks.end()) return cached->second;
    // A running continue has moved the machine on from the moment the views show.
    if (m_running) return block;
    std::optional<HeapBlockView> full = m_session.heap_block(block.payload);
    return m_blocks.emplace(block.payload, full ? std::move(*full) : block).first->second;
}

}  // namespace memviz::web

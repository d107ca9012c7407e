#include "session.h"

#include <algorithm>
#include <map>

#include "lang/compile.h"
#include "lang/parse.h"
#include "session/annotations.h"
#include "session/describe.h"
#include "session/evaluate.h"
#include "session/host_memory.h"
#include "session/values.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace memviz {

std::string_view name(StopReason reason) {
    switch (reason) {
        case StopReason::Step: return "step";
        case StopReason::Breakpoint: return "breakpoint";
        case StopReason::Watchpoint: return "watchpoint";
        case StopReason::Start: return "start";
        case StopReason::End: return "end";
        case StopReason::Budget: return "budget";
        case StopReason::Slice: return "slice";
        case StopReason::NotLoaded: return "not loaded";
    }
    return "?";
}

// What a loaded program keeps alive: the types the compiled program points at (the syntax tree
// they came with is dropped once compiled: it is most of a big program's memory), and the
// machine refers to the program and the library.
struct Session::Loaded {
    std::unique_ptr<lang::TypeTable> types;
    std::unique_ptr<vm::Program> program;
    std::unique_ptr<vm::CLibrary> library;
    std::unique_ptr<vm::Machine> machine;
    // The blocks' types at the moment of the snapshot, found when a block is first read in full.
    std::optional<session::BlockTypes> block_types;
};

Session::Session() = default;
Session::~Session() = default;

const Diagnostics& Session::load(std::string source, SessionOptions options) {
    m_history.reset();
    m_loaded.reset();
    m_snapshot.reset();
    m_diagnostics = Diagnostics{};
    m_source = std::move(source);
    m_annotations = session::lesson_annotations(m_source);
    m_options = std::move(options);

    auto loaded = std::make_unique<Loaded>();
    {
        lang::Program ast = lang::parse_source(m_source, m_options.data_model, m_diagnostics);
        if (m_diagnostics.has_errors()) return m_diagnostics;
        loaded->program = std::make_unique<vm::Program>(
            lang::compile(ast, m_options.data_model, vm::find_library_function, m_diagnostics));
        loaded->types = std::move(ast.types);
    }
    if (m_diagnostics.has_errors()) return m_diagnostics;
    loaded->library = std::make_unique<vm::CLibrary>(
        vm::LibraryConfig{.stdin_text = m_options.stdin_text, .output_limit = m_options.output_limit});
    auto machine = vm::Machine::load(*loaded->program, *loaded->library,
                                     {.heap_limit = m_options.heap_limit,
                                      .stack_limit = m_options.stack_limit,
                                      .policy = m_options.policy});
    if (!machine.ok()) {
        m_diagnostics.error({}, machine.error());
        return m_diagnostics;
    }
    loaded->machine = std::move(machine.value());
    std::vector<std::string> args{"main"};
    args.insert(args.end(), m_options.args.begin(), m_options.args.end());
    loaded->machine->vm().set_keep_going(m_options.keep_going);
    loaded->machine->vm().start(args);
    m_loaded = std::move(loaded);
    m_history = std::make_unique<history::History>(
        *m_loaded->machine, *m_loaded->library,
        history::HistoryConfig{.min_interval = m_options.checkpoint_interval,
                               .memory_limit = m_options.history_limit,
                               .max_ticks = m_options.max_steps});
    return m_diagnostics;
}

bool Session::loaded() const { return m_history != nullptr; }

const history::Position& Session::position() const {
    static const history::Position none;
    return m_history ? m_history->position() : none;
}

void Session::extend_budget(std::uint64_t instructions) {
    if (m_history) m_history->set_max_ticks(m_history->max_ticks() + instructions);
}

HostMemory Session::host_memory() const {
    HostMemory out;
    out.program = m_source.capacity();
    for (const auto& [line, note] : m_annotations) out.program += sizeof(line) + sizeof(note) + note.capacity();
    if (m_snapshot) out.snapshot = session::host_bytes(*m_snapshot);
    if (!m_loaded) return out;
    out.program += session::host_bytes(*m_loaded->types) + session::host_bytes(*m_loaded->program);
    vm::Machine& machine = *m_loaded->machine;
    out.memory = machine.memory().host_bytes();
    out.machine = machine.vm().host_bytes() + machine.allocator().unsaved_host_bytes();
    out.output = m_loaded->library->host_bytes();
    if (m_history) out.history = m_history->host_bytes();
    return out;
}

int Session::add_watchpoint(Addr first, std::uint64_t size, std::string label) {
    const int id = m_next_watchpoint++;
    m_watchpoints.push_back({id, first, size, std::move(label)});
    return id;
}

void Session::remove_watchpoint(int id) {
    std::erase_if(m_watchpoints, [id](const Watchpoint& w) { return w.id == id; });
}

std::vector<Session::MemoryByte> Session::read_memory(Addr first, std::uint64_t count) {
    std::vector<MemoryByte> out(static_cast<std::size_t>(count));
    if (!m_loaded) return out;
    AddressSpace& memory = m_loaded->machine->memory();
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint8_t byte = 0;
        if (!memory.read(first + i, {&byte, 1})) out[static_cast<std::size_t>(i)] = {byte, memory.shadow(first + i)};
    }
    return out;
}

Result<Evaluation> Session::evaluate(std::string_view expression, std::string_view command) {
    if (!m_loaded) return Error{"no program is loaded"};
    vm::Machine& machine = *m_loaded->machine;
    // What the last step wrote marks values as changed, when the snapshot is of this moment.
    const bool current = m_snapshot && m_snapshot->tick == m_history->position().tick;
    const std::vector<Changes::Range> written = current ? m_snapshot->changes.written : std::vector<Changes::Range>{};
    return session::evaluate({*m_loaded->program, machine.vm(), machine.memory(), machine.allocator()}, m_source,
                             expression, command, written);
}

PointerTarget Session::describe_pointer(Addr value) {
    if (!m_loaded) return PointerTarget{};
    vm::Machine& machine = *m_loaded->machine;
    return session::describe_pointer({*m_loaded->program, machine.vm(), machine.memory(), machine.allocator()}, value);
}

std::vector<std::vector<std::uint8_t>> Session::watched_bytes() {
    std::vector<std::vector<std::uint8_t>> out;
    for (const Watchpoint& watch : m_watchpoints) {
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(watch.size));
        if (m_loaded->machine->memory().read(watch.first, bytes)) bytes.clear();  // unreadable: empty
        out.push_back(std::move(bytes));
    }
    return out;
}

bool Session::at_breakpoint(const history::Position& position) const {
    return position.at_stop[static_cast<std::size_t>(Granularity::Line)] && m_breakpoints.contains(position.line);
}

StopReason Session::forward(Granularity g, const std::function<bool(const history::Position&)>& stop, bool watch) {
    if (!m_history) return StopReason::NotLoaded;
    const bool watching = watch && !m_watchpoints.empty();
    if (!watching && (!watch || m_breakpoints.empty())) {
        // The common case, in the history's own tight loop.
        m_history->run_until(g, stop);
        if (m_history->machine().vm().state() != vm::VmState::Running) return StopReason::End;
        return m_history->running() ? StopReason::Step : StopReason::Budget;
    }
    auto before = watching ? watched_bytes() : std::vector<std::vector<std::uint8_t>>{};
    while (true) {
        if (!m_history->running()) {
            return m_history->machine().vm().state() == vm::VmState::Running ? StopReason::Budget : StopReason::End;
        }
        m_history->step_instruction();
        const history::Position& p = m_history->position();
        if (watching) {
            auto now = watched_bytes();
            if (now != before) return StopReason::Watchpoint;
        }
        if (m_history->machine().vm().state() != vm::VmState::Running) return StopReason::End;
        if (watch && at_breakpoint(p)) return StopReason::Breakpoint;
        if (p.at_stop[static_cast<std::size_t>(g)] && stop(p)) return StopReason::Step;
    }
}

// Searches back checkpoint interval by checkpoint interval for the last moment before now
// that is a stop of granularity g satisfying `stop`, a breakpoint, or (watching) the moment
// right after a watched range changed.
StopReason Session::backward(Granularity g, const std::function<bool(const history::Position&)>& stop, bool watch) {
    if (!m_history) return StopReason::NotLoaded;
    const std::uint64_t now = m_history->position().tick;
    const bool watching = watch && !m_watchpoints.empty();
    std::uint64_t limit = now;  // positions up to here (exclusive for the first interval) are scanned
    bool first_interval = true;
    while (limit > m_history->earliest_tick() || (first_interval && limit > 0)) {
        const std::uint64_t from = m_history->checkpoint_tick_before(limit - 1);
        m_history->seek_tick(from);
        const std::uint64_t last = first_interval ? limit - 1 : limit;
        std::optional<std::uint64_t> found;
        StopReason reason = StopReason::Step;
        auto previous = watching ? watched_bytes() : std::vector<std::vector<std::uint8_t>>{};
        auto consider = [&](const history::Position& p) {
            if (p.tick >= now) return;
            if (watch && at_breakpoint(p)) found = p.tick, reason = StopReason::Breakpoint;
            else if (p.at_stop[static_cast<std::size_t>(g)] && stop(p)) found = p.tick, reason = StopReason::Step;
        };
        consider(m_history->position());
        while (m_history->position().tick < last && m_history->running()) {
            m_history->step_instruction();
            consider(m_history->position());
            if (watching) {
                auto bytes = watched_bytes();
                if (bytes != previous && m_history->position().tick < now) {
                    found = m_history->position().tick;
                    reason = StopReason::Watchpoint;
                }
                previous = std::move(bytes);
            }
        }
        if (found) {
            m_history->seek_tick(*found);
            return reason;
        }
        if (from <= m_history->earliest_tick()) break;
        limit = from;
        first_interval = false;
    }
    m_history->seek_tick(m_history->earliest_tick());
    return StopReason::Start;
}

StopReason Session::step(Granularity g) {
    m_move_granularity = g;
    return forward(g, [](const history::Position&) { return true; }, false);
}

StopReason Session::next(Granularity g) {
    if (!m_history) return StopReason::NotLoaded;
    m_move_granularity = g;
    const Addr fp = m_history->machine().vm().registers().fp;
    vm::Vm& vm = m_history->machine().vm();
    // Not in a deeper call: frames below this one have lower frame pointers.
    return forward(g, [&vm, fp](const history::Position&) { return vm.registers().fp >= fp; }, true);
}

StopReason Session::finish() {
    if (!m_history) return StopReason::NotLoaded;
    vm::Vm& vm = m_history->machine().vm();
    const Addr fp = vm.registers().fp;
    // Right after the return, mid-expression in the caller, where the returned value is known.
    while (m_history->running()) {
        m_history->step_instruction();
        if (vm.state() != vm::VmState::Running) return StopReason::End;
        if (vm.registers().fp > fp) return StopReason::Step;
        if (at_breakpoint(m_history->position())) return StopReason::Breakpoint;
    }
    return vm.state() == vm::VmState::Running ? StopReason::Budget : StopReason::End;
}

StopReason Session::step_back(Granularity g) {
    if (!m_history) return StopReason::NotLoaded;
    m_move_granularity = g;
    const history::Position& p = m_history->position();
    const std::size_t k = static_cast<std::size_t>(g);
    // The index of the stop before this moment: the one before the current stop, or the last
    // one passed when this moment is not a stop (after finish, say).
    const std::uint64_t passed = p.stops[k] - (p.at_stop[k] ? 1 : 0);
    if (passed == 0 || p.tick <= m_history->earliest_tick()) {
        m_history->seek_tick(m_history->earliest_tick());
        return StopReason::Start;
    }
    m_history->seek_stop(g, passed - 1);
    return StopReason::Step;
}

StopReason Session::next_back(Granularity g) {
    if (!m_history) return StopReason::NotLoaded;
    m_move_granularity = g;
    vm::Vm& vm = m_history->machine().vm();
    const Addr fp = vm.state() == vm::VmState::Running ? vm.registers().fp : 0;
    return backward(g, [&vm, fp](const history::Position&) { return vm.registers().fp >= fp; }, true);
}

StopReason Session::finish_back() {
    if (!m_history) return StopReason::NotLoaded;
    vm::Vm& vm = m_history->machine().vm();
    if (vm.state() != vm::VmState::Running) return step_back(m_granularity);
    const Addr fp = vm.registers().fp;
    return backward(m_granularity, [&vm, fp](const history::Position&) { return vm.registers().fp > fp; }, false);
}

StopReason Session::continue_forward() {
    m_move_granularity = Granularity::Line;
    return forward(Granularity::Line, [](const history::Position&) { return false; }, true);
}

StopReason Session::continue_forward_for(std::uint64_t instructions, std::chrono::steady_clock::time_point deadline) {
    if (!m_history) return StopReason::NotLoaded;
    m_move_granularity = Granularity::Line;
    const std::uint64_t until = m_history->position().tick + instructions;
    bool sliced = false;
    // The clock is read at every 16th line stop: often enough for slow lines, rarely enough to
    // cost nothing on fast ones (in the browser a clock read is a call out to JavaScript).
    std::uint32_t stops = 0;
    const bool timed = deadline != std::chrono::steady_clock::time_point::max();
    const StopReason reason = forward(
        Granularity::Line,
        [&](const history::Position& p) {
            sliced = p.tick >= until || (timed && ++stops % 16 == 0 && std::chrono::steady_clock::now() >= deadline);
            return sliced;
        },
        true);
    return reason == StopReason::Step && sliced ? StopReason::Slice : reason;
}

StopReason Session::continue_back() {
    m_move_granularity = Granularity::Line;
    return backward(Granularity::Line, [](const history::Position&) { return false; }, true);
}

StopReason Session::run_to_line(std::uint32_t line) {
    m_move_granularity = Granularity::Line;
    return forward(Granularity::Line, [line](const history::Position& p) { return p.line == line; }, true);
}

StopReason Session::run_to_end() {
    return forward(Granularity::Line, [](const history::Position&) { return false; }, false);
}

StopReason Session::seek(Granularity g, std::uint64_t step) {
    if (!m_history) return StopReason::NotLoaded;
    m_move_granularity = g;
    m_history->seek_stop(g, step);
    const history::Position& p = m_history->position();
    const std::size_t k = static_cast<std::size_t>(g);
    if (p.at_stop[k] && p.stops[k] == step + 1) return StopReason::Step;
    return m_history->machine().vm().state() == vm::VmState::Running ? StopReason::Budget : StopReason::End;
}

StopReason Session::seek_tick(std::uint64_t tick) {
    if (!m_history) return StopReason::NotLoaded;
    if (tick < m_history->earliest_tick()) {
        m_history->seek_tick(m_history->earliest_tick());  // what came before was dropped
        return StopReason::Start;
    }
    m_history->seek_tick(tick);
    if (m_history->position().tick == tick) return StopReason::Step;
    return m_history->machine().vm().state() == vm::VmState::Running ? StopReason::Budget : StopReason::End;
}

}  // namespace memviz

namespace memviz {

session::StepRecord Session::replay_last_step() {
    session::StepRecord record;
    vm::Machine& machine = *m_loaded->machine;
    const history::Position now = m_history->position();
    const std::size_t k = static_cast<std::size_t>(m_move_granularity);
    const std::uint64_t before = now.stops[k] - (now.at_stop[k] ? 1 : 0);  // stops strictly before now
    if (before == 0 || now.tick <= m_history->earliest_tick()) return record;
    m_history->seek_stop(m_move_granularity, before - 1);
    record.from_line = m_history->position().line;

    auto summarize_frames = [&] {
        std::vector<session::FrameSummary> out;
        for (const vm::Vm::FrameRef& frame : machine.vm().frames()) {
            const vm::Function& function = m_loaded->program->functions.at(frame.function);
            session::FrameSummary summary{frame.fp, function.name, {}};
            for (const vm::FrameSlot& slot : function.slots) {
                if (!slot.name.empty() && slot.name.front() != '(') summary.variables.push_back(slot.name);
            }
            out.push_back(std::move(summary));
        }
        return out;
    };
    record.frames_before = summarize_frames();
    record.live_before = machine.allocator().live_payloads();
    const std::size_t printed_before = m_loaded->library->stdout_text().size();
    const std::uint64_t returns_before = machine.vm().save().returns;

    session::WriteRecorder writes;
    m_history->set_memory_listener(&writes);
    machine.allocator().set_event_log(&record.events);
    while (m_history->position().tick < now.tick && m_history->running()) m_history->step_instruction();
    machine.allocator().set_event_log(nullptr);
    m_history->set_memory_listener(nullptr);

    record.written = writes.changed(machine.memory());
    record.frames_after = summarize_frames();
    record.live_after = machine.allocator().live_payloads();
    record.printed = std::string(m_loaded->library->stdout_text().substr(std::min(printed_before, m_loaded->library->stdout_text().size())));
    if (const auto& ret = machine.vm().last_return(); ret && ret->number > returns_before) {
        const vm::Function& function = m_loaded->program->functions.at(ret->function);
        session::StepRecord::Return summary{function.name, std::nullopt};
        const lang::Type* type = function.type != nullptr ? function.type->return_type() : nullptr;
        if (ret->has_value && type != nullptr && !lang::is_void(type)) summary.value = session::format_slot(type, ret->value.value);
        record.returned = std::move(summary);
    }
    return record;
}

const Snapshot& Session::snapshot(SnapshotDetail detail) {
    static const Snapshot kNothing;
    if (!m_history) return kNothing;
    if (m_snapshot && m_snapshot->tick == m_history->position().tick &&
        m_snapshot->step == m_history->position().stop_index(m_granularity)) {
        if (detail == SnapshotDetail::Full && m_snapshot_detail != SnapshotDetail::Full) {
            for (HeapBlockView& block : m_snapshot->heap) {
                if (auto full = heap_block(block.payload)) block = std::move(*full);
            }
            m_snapshot_detail = SnapshotDetail::Full;
        }
        return *m_snapshot;
    }
    const session::StepRecord record = replay_last_step();
    Snapshot s;
    vm::Machine& machine = *m_loaded->machine;
    vm::Vm& vm = machine.vm();
    const history::Position& p = m_history->position();
    const std::size_t k = static_cast<std::size_t>(m_granularity);
    switch (vm.state()) {
        case vm::VmState::Running: s.state = m_history->running() ? Snapshot::State::Paused : Snapshot::State::Budget; break;
        case vm::VmState::Exited: s.state = Snapshot::State::Exited; break;
        case vm::VmState::Faulted: s.state = Snapshot::State::Faulted; break;
    }
    s.tick = p.tick;
    s.step = p.stop_index(m_granularity);
    s.step_count = m_history->frontier().stops[k];
    s.finished = m_history->finished();
    // Where the run is: the next thing to run; the error's place; or, once it exited, the
    // last statement that ran (the `return` or `exit` that ended it).
    SourceLoc loc = vm.location();
    if (vm.state() == vm::VmState::Faulted && vm.error()) loc = vm.error()->loc;
    if (vm.state() == vm::VmState::Exited && p.line != 0) loc = vm.location_at(p.function, p.pc);
    s.line = loc.line;
    s.column = loc.column;

    s.changes = session::changes_of(record);
    m_loaded->block_types.reset();
    session::ValueBudget values;
    session::describe_machine({*m_loaded->program, vm, machine.memory(), machine.allocator(), &values}, s,
                              detail == SnapshotDetail::Outline);
    s.values_omitted = values.omitted;
    m_snapshot_detail = detail;

    s.stdout_text = m_loaded->library->stdout_text();
    s.stderr_text = m_loaded->library->stderr_text();
    if (record.returned) {
        s.returned = record.returned->function + " returned" + (record.returned->value ? " " + *record.returned->value : "");
    }
    s.error = vm.error();
    s.reported = vm.reported();
    s.exit_status = vm.exit_status();
    s.history = {m_history->bytes(), m_history->checkpoints(), m_history->earliest_tick(), m_history->limit_reached()};
    s.narration = p.tick == m_history->earliest_tick()
                      ? "The program is about to run main: its frame is on the stack, below the OS's start-up frame."
                      : session::narrate(record, s);
    if (auto note = m_annotations.find(record.from_line); note != m_annotations.end()) s.annotation = note->second;
    m_snapshot = std::move(s);
    return *m_snapshot;
}

std::optional<HeapBlockView> Session::heap_block(Addr payload) {
    if (!m_loaded) return std::nullopt;
    const Snapshot& now = snapshot(SnapshotDetail::Outline);
    const auto block = std::lower_bound(now.heap.begin(), now.heap.end(), payload,
                                        [](const HeapBlockView& b, Addr a) { return b.payload < a; });
    if (block == now.heap.end() || block->payload != payload) return std::nullopt;
    if (m_snapshot_detail == SnapshotDetail::Full) return *block;
    vm::Machine& machine = *m_loaded->machine;
    const session::MachineView view{*m_loaded->program, machine.vm(), machine.memory(), machine.allocator()};
    if (!m_loaded->block_types) m_loaded->block_types = session::block_types(view);
    HeapBlockView full = *block;
    session::describe_block_contents(view, *m_loaded->block_types, now.changes.written, full);
    return full;
}

}  // namespace memviz

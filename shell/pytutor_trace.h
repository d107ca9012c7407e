// Python Tutor's trace format (pythontutor.com, github.com/pgbovine/OnlinePythonTutor), written
// the way its C backend (v4-cokapi/backends/c_cpp, valgrind-based) writes C programs, so its
// visualizer and the tools made for its traces can show a memviz run. docs/trace-format.md
// lists what is taken from where.
//
// The one idea: Python Tutor draws a heap object only when something points at it, as an
// array of what the pointer points at (an `int *` makes a block an array of int). So the heap
// of a point holds the blocks the stack's and the globals' pointers point into, then the blocks
// the pointers inside those point into, until no new one turns up; each is drawn from the
// snapshot's typed contents, or as bytes read from the moment's memory when no typed pointer
// points at its start. String literals a pointer points at are drawn there too, as the backend
// does.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "session.h"

namespace memviz::shell {

// Reads the moment's memory: Session::read_memory while the session is at that moment.
using MemoryReader = std::function<std::vector<Session::MemoryByte>(Addr first, std::uint64_t count)>;

class PytutorTrace {
public:
    explicit PytutorTrace(std::string code);

    // One execution point: the snapshot of a moment, and its memory for what the snapshot does
    // not hold (untyped blocks, string literals).
    void add_step(const Snapshot& snapshot, const MemoryReader& read);
    std::uint64_t steps() const { return m_trace.size(); }

    // {"code", "trace"}. When `cut` is set the last point becomes Python Tutor's
    // "instruction_limit_reached" with `cut` as its message.
    nlohmann::json finish(const std::optional<std::string>& cut) &&;

private:
    std::string m_code;
    std::vector<nlohmann::json> m_trace;
    std::vector<std::string> m_frame_ids;  // of the last point, outermost first
};

}  // namespace memviz::shell

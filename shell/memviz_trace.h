// The memviz trace format (docs/trace-format.md): a run as a list of steps, the first holding a
// whole snapshot and each later one only the snapshot's top-level fields that changed, so a
// thousand steps of a loop that touches one int do not repeat the heap and the segments a
// thousand times. A reader rebuilds step k by merging the steps 0..k in order, key by key.
#pragma once

#include <cstdint>

#include "snapshot_json.h"

namespace memviz::shell {

class MemvizTrace {
public:
    // `header` holds the fields written before "steps" (format, version, source, options...).
    explicit MemvizTrace(Json header);

    void add_step(const Snapshot& snapshot);
    std::uint64_t steps() const { return m_steps; }

    // The whole trace: the header, the steps, whether they stop before the run's end, and the
    // snapshot at the end of the run (`final`, complete, even when the steps were cut short).
    Json finish(const Snapshot& final, bool truncated) &&;

private:
    Json m_trace;
    Json m_previous;  // the full snapshot of the last step, to diff the next against
    std::uint64_t m_steps = 0;
};

}  // namespace memviz::shell

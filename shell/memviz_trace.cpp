#include "memviz_trace.h"

#include <array>
#include <string_view>

namespace memviz::shell {
namespace {

// Written in every step whether or not they changed: where the step is and what it did, the
// fields a reader scanning the steps wants without rebuilding anything.
constexpr std::array<std::string_view, 6> kEveryStep = {"step", "tick", "line", "column", "narration", "changes"};

bool every_step(std::string_view key) {
    for (std::string_view always : kEveryStep) {
        if (key == always) return true;
    }
    return false;
}

}  // namespace

MemvizTrace::MemvizTrace(Json header) : m_trace(std::move(header)) { m_trace["steps"] = Json::array(); }

void MemvizTrace::add_step(const Snapshot& snapshot) {
    Json full = snapshot_json(snapshot);
    if (m_steps == 0) {
        m_trace["steps"].push_back(full);
    } else {
        Json delta = Json::object();
        for (const auto& [key, value] : full.items()) {
            if (every_step(key) || value != m_previous[key]) delta[key] = value;
        }
        m_trace["steps"].push_back(std::move(delta));
    }
    m_previous = std::move(full);
    ++m_steps;
}

Json MemvizTrace::finish(const Snapshot& final, bool truncated) && {
    m_trace["truncated"] = truncated;
    m_trace["final"] = snapshot_json(final);
    return std::move(m_trace);
}

}  // namespace memviz::shell

// memviz_allocator_bench: replays every generated trace shape with every policy and through the
// host's own malloc, and prints a Markdown table of utilization and throughput. A benchmark that
// prints figures, not a test: it checks nothing but that the replays ran without error.
//
// The simulated replays run with checking off (ReplayCheck::Off), which still writes every
// payload with its pattern; the host replay writes the same bytes, so both do the same work on
// the program's side. Each replay is repeated until it has run at least kMinSeconds in total
// (and kMinRuns times), and the fastest run counts: the least disturbed by the rest of the machine.
//
//   memviz_allocator_bench [MIN_SECONDS]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "alloc/trace.h"
#include "alloc/trace_gen.h"
#include "alloc/trace_replay.h"

using namespace memviz;
using namespace memviz::alloc;

namespace {

constexpr int kMinRuns = 3;

// Where the host replay leaves a sum of bytes it read back, so no write can be optimized away.
volatile unsigned g_checksum = 0;

struct Timing {
    double best_seconds = 0;
    int runs = 0;
};

// Runs `once` (which returns the seconds it measured) until min_seconds have passed in total
// and at least kMinRuns times; keeps the fastest.
template <class Once>
Timing time_best(double min_seconds, Once&& once) {
    Timing timing;
    double total = 0;
    while (timing.runs < kMinRuns || total < min_seconds) {
        const double seconds = once();
        timing.best_seconds = timing.runs == 0 ? seconds : std::min(timing.best_seconds, seconds);
        total += seconds;
        ++timing.runs;
    }
    return timing;
}

// The trace through std::malloc, std::realloc and std::free, writing each payload with the same
// pattern as the simulated replay. Returns the seconds the operations took.
double replay_host(const Trace& trace, const DenseIds& ids) {
    std::vector<void*> pointers(ids.count, nullptr);
    std::vector<std::uint8_t> pattern;
    unsigned checksum = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < trace.ops.size(); ++i) {
        const TraceOp& op = trace.ops[i];
        void*& pointer = pointers[ids.of_op[i]];
        if (op.kind == TraceOpKind::Free) {
            std::free(pointer);
            pointer = nullptr;
            continue;
        }
        void* result = op.kind == TraceOpKind::Malloc ? std::malloc(op.bytes) : std::realloc(pointer, op.bytes);
        if (result == nullptr && op.bytes != 0) {
            std::cerr << "host malloc failed in " << trace.name << ", " << to_rep(op) << "\n";
            std::exit(1);
        }
        pointer = result;
        pattern.resize(op.bytes);
        fill_pattern(pattern, op.id);
        if (op.bytes > 0) {
            std::memcpy(pointer, pattern.data(), op.bytes);
            checksum += static_cast<const std::uint8_t*>(pointer)[op.bytes - 1];
        }
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    for (void* pointer : pointers) std::free(pointer);
    g_checksum = checksum;
    return elapsed.count();
}

struct PolicyFigures {
    double utilization = 0;
    double kops = 0;  // thousands of operations a second
};

struct Row {
    std::string trace;
    std::uint64_t ops = 0;
    std::vector<PolicyFigures> policies;  // in all_policies() order
    double host_kops = 0;
    double best_over_host = 0;
};

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

void print_table(const std::vector<Row>& rows) {
    const auto policies = all_policies();
    std::cout << "| trace | ops |";
    for (PolicyKind policy : policies) std::cout << " " << name(policy) << " util% | " << name(policy) << " Kops/s |";
    std::cout << " host Kops/s | best/host |\n|---|--:|";
    for (std::size_t i = 0; i < policies.size(); ++i) std::cout << "--:|--:|";
    std::cout << "--:|--:|\n";

    Row average;
    average.trace = "**average**";
    average.policies.resize(policies.size());
    for (const Row& row : rows) {
        std::cout << "| " << row.trace << " | " << row.ops << " |";
        for (std::size_t i = 0; i < policies.size(); ++i) {
            std::cout << " " << fixed(row.policies[i].utilization * 100, 1) << " | " << fixed(row.policies[i].kops, 0)
                      << " |";
            average.policies[i].utilization += row.policies[i].utilization / static_cast<double>(rows.size());
            average.policies[i].kops += row.policies[i].kops / static_cast<double>(rows.size());
        }
        std::cout << " " << fixed(row.host_kops, 0) << " | " << fixed(row.best_over_host, 3) << " |\n";
        average.host_kops += row.host_kops / static_cast<double>(rows.size());
        average.best_over_host += row.best_over_host / static_cast<double>(rows.size());
    }
    std::cout << "| " << average.trace << " | |";
    for (const PolicyFigures& figures : average.policies) {
        std::cout << " " << fixed(figures.utilization * 100, 1) << " | " << fixed(figures.kops, 0) << " |";
    }
    std::cout << " " << fixed(average.host_kops, 0) << " | " << fixed(average.best_over_host, 3) << " |\n";
}

}  // namespace

int main(int argc, char** argv) {
    const double min_seconds = argc > 1 ? std::atof(argv[1]) : 0.25;
    std::cerr << "memviz_allocator_bench: each replay repeated for at least " << min_seconds << " s and "
              << kMinRuns << " runs, fastest kept\n";
    std::vector<Row> rows;
    bool failed = false;
    for (TraceShape shape : all_trace_shapes()) {
        const Trace trace = generate_trace(shape);
        const DenseIds ids = dense_ids(trace);
        Row row;
        row.trace = trace.name;
        row.ops = trace.ops.size();
        double best_kops = 0;
        for (PolicyKind policy : all_policies()) {
            PolicyFigures figures;
            const Timing timing = time_best(min_seconds, [&] {
                const ReplayResult result = replay(trace, {.policy = policy}, DataModel::LP64, {.check = ReplayCheck::Off});
                if (result.errors != 0) {
                    std::cerr << trace.name << ", " << name(policy) << ": " << result.errors << " errors, first: "
                              << (result.messages.empty() ? "" : result.messages.front()) << "\n";
                    failed = true;
                }
                figures.utilization = result.utilization;
                return result.seconds;
            });
            figures.kops = static_cast<double>(row.ops) / timing.best_seconds / 1000;
            best_kops = std::max(best_kops, figures.kops);
            row.policies.push_back(figures);
            std::cerr << "  " << trace.name << ", " << name(policy) << ": " << timing.runs << " runs\n";
        }
        const Timing host = time_best(min_seconds, [&] { return replay_host(trace, ids); });
        row.host_kops = static_cast<double>(row.ops) / host.best_seconds / 1000;
        row.best_over_host = best_kops / row.host_kops;
        rows.push_back(row);
    }
    print_table(rows);
    return failed ? 1 : 0;
}

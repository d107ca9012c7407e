// memviz_history_bench: what time travel costs, on the CPU-bound programs of tests/bench/programs
// (the same ones `bench-run` times against gcc and Valgrind). For each program:
//   - plain: the run with no history (the machine alone), and recorded: the same run through a
//     Session, which checkpoints it; their ratio is the recording slowdown (goal <= 1.5x);
//   - history bytes per step (expression stops) and per instruction (goal <= 16 per step);
//   - the time to seek to 200 random moments of the whole run, median and worst (goal < 10 ms on
//     a 10-million-step history: each run goes to its end or to kBudget instructions, which
//     gives the longer programs more than 10 million expression steps).
// Usage: memviz_history_bench PROGRAMS_DIR
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lang/compile.h"
#include "lang/parse.h"
#include "session.h"
#include "vm/libc.h"
#include "vm/machine.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint64_t kBudget = 120'000'000;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The whole run with no history: compile, load, execute to the end. Returns seconds executing.
double plain_run(const std::string& source) {
    memviz::Diagnostics diagnostics;
    memviz::lang::Program ast = memviz::lang::parse_source(source, memviz::DataModel::LP64, diagnostics);
    const memviz::vm::Program program =
        memviz::lang::compile(ast, memviz::DataModel::LP64, memviz::vm::find_library_function, diagnostics);
    memviz::vm::CLibrary library;
    auto machine = std::move(memviz::vm::Machine::load(program, library).value());
    const auto start = Clock::now();
    machine->run({"main"}, kBudget);
    return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: memviz_history_bench PROGRAMS_DIR\n");
        return 2;
    }
    std::vector<std::filesystem::path> programs;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
        if (entry.path().extension() == ".c") programs.push_back(entry.path());
    }
    std::sort(programs.begin(), programs.end());

    std::printf("| program | instructions | steps | plain (s) | recorded (s) | slowdown | history | bytes/step | bytes/instr | checkpoints | seek median (ms) | seek worst (ms) |\n");
    std::printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    std::mt19937_64 random(42);
    for (const auto& path : programs) {
        const std::string source = read_file(path);
        // Best of three for both timings: the figures are of the code, not of the machine's noise.
        double plain = 1e9;
        double recorded = 1e9;
        memviz::Session session;
        memviz::SessionOptions options;
        options.max_steps = kBudget;
        for (int run = 0; run < 3; ++run) {
            plain = std::min(plain, plain_run(source));
            if (session.load(source, options).has_errors()) break;
            const auto start = Clock::now();
            session.run_to_end();
            recorded = std::min(recorded, seconds_since(start));
        }
        if (!session.loaded()) continue;
        const memviz::history::History& history = *session.history();
        const std::uint64_t ticks = history.frontier().tick;
        const std::uint64_t steps = history.frontier().stops[static_cast<std::size_t>(memviz::Granularity::Expression)];

        std::vector<double> seeks;
        for (int i = 0; i < 200; ++i) {
            const std::uint64_t target = random() % (ticks + 1);
            const auto seek_start = Clock::now();
            session.seek_tick(target);
            seeks.push_back(seconds_since(seek_start) * 1000);
        }
        std::sort(seeks.begin(), seeks.end());
        std::printf("| %s | %llu | %llu | %.3f | %.3f | %.2fx | %.1f MiB | %.2f | %.2f | %zu | %.2f | %.2f |\n",
                    path.stem().c_str(), static_cast<unsigned long long>(ticks), static_cast<unsigned long long>(steps),
                    plain, recorded, recorded / plain, static_cast<double>(history.bytes()) / (1 << 20),
                    static_cast<double>(history.bytes()) / static_cast<double>(std::max<std::uint64_t>(steps, 1)),
                    static_cast<double>(history.bytes()) / static_cast<double>(std::max<std::uint64_t>(ticks, 1)),
                    history.checkpoints(), seeks[seeks.size() / 2], seeks.back());
    }
    return 0;
}

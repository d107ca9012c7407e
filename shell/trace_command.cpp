#include "trace_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alloc/trace.h"
#include "alloc/trace_gen.h"
#include "alloc/trace_replay.h"

namespace memviz::shell {
namespace {

struct TraceCommandOptions {
    std::vector<std::string> files;
    std::string policy{alloc::name(alloc::AllocatorConfig{}.policy)};
    std::string data_model = "lp64";
    std::string check = "results";
    bool json = false;
};

struct TraceGenCommandOptions {
    std::string shape = "all";
    std::uint64_t seed = 0;
    std::uint64_t ops = 0;
    std::string out;
};

constexpr std::uint64_t kMaxGeneratedOps = 10'000'000;

std::string policy_names() {
    std::string names;
    for (alloc::PolicyKind policy : alloc::all_policies()) names += std::string(alloc::name(policy)) + ", ";
    return names + "or all";
}

std::string shape_names() {
    std::string names;
    for (alloc::TraceShape shape : alloc::all_trace_shapes()) names += std::string(alloc::name(shape)) + ", ";
    return names + "or all";
}

std::vector<alloc::PolicyKind> chosen_policies(const std::string& text) {
    if (text == "all") return {alloc::all_policies().begin(), alloc::all_policies().end()};
    if (auto policy = alloc::parse_policy(text)) return {*policy};
    throw CLI::ValidationError("--policy", "'" + text + "' is not a policy (try " + policy_names() + ")");
}

// Exit statuses beyond CLI11's own (which are 100 and up, for bad usage).
constexpr int kReplayErrors = 1;  // a replay found an allocator error
constexpr int kBadInput = 2;      // a trace file could not be read or parsed

// A problem with an input file: "FILE: line 7: ...", then exit with kBadInput. Not a usage error,
// so CLI11's "Run with --help" hint would mislead.
[[noreturn]] void bad_input(const std::string& file, const std::string& message) {
    std::cerr << file << ": " << message << "\n";
    throw CLI::RuntimeError(kBadInput);
}

// Reads and parses every file before anything runs, so a malformed file stops the command
// with its name and line and nothing else printed.
std::vector<alloc::Trace> read_traces(const std::vector<std::string>& files) {
    std::vector<alloc::Trace> traces;
    for (const std::string& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) bad_input(file, "cannot open the file");
        std::stringstream text;
        text << in.rdbuf();
        if (in.bad()) bad_input(file, "cannot read the file");
        auto trace = alloc::parse_trace(text.str(), std::filesystem::path(file).stem().string());
        if (!trace.ok()) bad_input(file, trace.error());
        traces.push_back(std::move(trace).value());
    }
    return traces;
}

std::string percent(double fraction) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(1) << fraction * 100 << "%";
    return text.str();
}

void print_header(int name_width) {
    std::cout << std::left << std::setw(name_width) << "trace" << "  " << std::setw(16) << "policy" << std::right
              << std::setw(8) << "ops" << std::setw(8) << "util" << std::setw(10) << "seconds" << std::setw(12)
              << "ops/sec" << std::setw(8) << "errors" << "\n";
}

void print_row(const alloc::ReplayResult& result, int name_width) {
    std::cout << std::left << std::setw(name_width) << result.trace << "  " << std::setw(16)
              << alloc::name(result.policy) << std::right << std::setw(8) << result.ops << std::setw(8)
              << percent(result.utilization) << std::setw(10) << std::fixed << std::setprecision(4)
              << result.seconds << std::setw(12) << std::setprecision(0) << result.ops_per_sec << std::setw(8)
              << result.errors << "\n";
}

void print_json(const alloc::ReplayResult& result) {
    nlohmann::ordered_json line = {{"trace", result.trace},
                           {"policy", alloc::name(result.policy)},
                           {"data_model", info(result.data_model).name},
                           {"ops", result.ops},
                           {"util", result.utilization},
                           {"peak_payload", result.peak_payload},
                           {"heap_bytes", result.heap_bytes},
                           {"seconds", result.seconds},
                           {"ops_per_sec", result.ops_per_sec},
                           {"errors", result.errors},
                           {"messages", result.messages}};
    std::cout << line.dump() << "\n";
}

void run_traces(const TraceCommandOptions& options) {
    const std::vector<alloc::PolicyKind> policies = chosen_policies(options.policy);
    const DataModel data_model = *parse_data_model(options.data_model);
    alloc::ReplayOptions replay_options;
    if (options.check == "off") replay_options.check = alloc::ReplayCheck::Off;
    else if (options.check == "heap") replay_options.check = alloc::ReplayCheck::HeapCheck;
    const std::vector<alloc::Trace> traces = read_traces(options.files);

    int name_width = 10;
    for (const alloc::Trace& trace : traces) name_width = std::max(name_width, static_cast<int>(trace.name.size()));
    if (!options.json) print_header(name_width);
    std::uint64_t errors = 0;
    for (const alloc::Trace& trace : traces) {
        for (alloc::PolicyKind policy : policies) {
            const alloc::ReplayResult result = alloc::replay(trace, {.policy = policy}, data_model, replay_options);
            if (options.json) print_json(result);
            else print_row(result, name_width);
            std::cout.flush();
            if (result.errors == 0) continue;
            errors += result.errors;
            std::cerr << result.trace << ", " << alloc::name(result.policy) << ": " << result.errors << " error"
                      << (result.errors == 1 ? "" : "s") << "\n";
            for (const std::string& message : result.messages) std::cerr << "  " << message << "\n";
        }
    }
    if (errors > 0) throw CLI::RuntimeError(kReplayErrors);
}

void generate_traces(const TraceGenCommandOptions& options, bool seed_given, bool ops_given) {
    std::vector<alloc::TraceShape> shapes;
    if (options.shape == "all") {
        shapes.assign(alloc::all_trace_shapes().begin(), alloc::all_trace_shapes().end());
    } else if (auto shape = alloc::parse_trace_shape(options.shape)) {
        shapes.push_back(*shape);
    } else {
        throw CLI::ValidationError("--shape", "'" + options.shape + "' is not a trace shape (try " +
                                                  shape_names() + ")");
    }
    std::error_code error;
    std::filesystem::create_directories(options.out, error);
    if (error) bad_input(options.out, "cannot create the directory: " + error.message());

    for (alloc::TraceShape shape : shapes) {
        alloc::TraceGenOptions gen = alloc::default_gen_options(shape);
        if (seed_given) gen.seed = options.seed;
        if (ops_given) gen.ops = options.ops;
        const alloc::Trace trace = alloc::generate_trace(shape, gen);
        const std::filesystem::path path = std::filesystem::path(options.out) / (trace.name + ".rep");
        std::ofstream out(path, std::ios::binary);
        out << alloc::to_rep(trace);
        out.close();
        if (!out) bad_input(path.string(), "cannot write the file");
        std::cout << "wrote " << path.string() << ": " << trace.ops.size() << " operations, " << trace.id_count
                  << " ids, seed " << gen.seed << "\n";
    }
}

}  // namespace

void add_trace_commands(CLI::App& app) {
    auto trace = std::make_shared<TraceCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "trace", "Replay CS:APP malloc-lab traces (.rep) and report utilization and throughput");
    command->add_option("files", trace->files, "trace files in the malloc lab's .rep format")->required();
    command->add_option("--policy", trace->policy, "allocator policy: " + policy_names() + " (default " +
                                                       trace->policy + ")");
    command->add_option("--data-model", trace->data_model, "lp64 (x86-64, default) or ilp32 (i386)")
        ->check(CLI::IsMember({"lp64", "ilp32"}, CLI::ignore_case));
    command->add_option("--check", trace->check,
                        "results (default): check every result as mdriver does; heap: also heap_check() "
                        "after every operation; off: check nothing (payloads are still written), for timing")
        ->check(CLI::IsMember({"off", "results", "heap"}));
    command->add_flag("--json", trace->json, "print one JSON object per trace and policy");
    command->callback([trace] { run_traces(*trace); });

    auto gen = std::make_shared<TraceGenCommandOptions>();
    CLI::App* gen_command = app.add_subcommand("trace-gen", "Write generated malloc-lab traces as NAME.rep files");
    gen_command->add_option("--shape", gen->shape, "trace shape: " + shape_names() + " (default all)");
    CLI::Option* seed = gen_command->add_option("--seed", gen->seed, "PRNG seed (default: the shape's own)");
    CLI::Option* ops = gen_command->add_option("--ops", gen->ops, "most operations per trace (default: the shape's own)")
                           ->check(CLI::Range(std::uint64_t{0}, kMaxGeneratedOps));
    gen_command->add_option("--out", gen->out, "directory to write the .rep files into")->required();
    gen_command->callback([gen, seed, ops] { generate_traces(*gen, seed->count() > 0, ops->count() > 0); });
}

}  // namespace memviz::shell

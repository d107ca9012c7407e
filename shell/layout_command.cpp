#include "layout_command.h"

#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "mem/layout.h"
#include "segment_table.h"
#include "support/format.h"

namespace memviz::shell {
namespace {

struct LayoutOptions {
    std::string data_model = "lp64";
    std::string heap_limit;
    std::string stack_limit;
    bool json = false;
    bool high_first = false;
};

// Sizes come as text so that "8M" and "0x800000" work as they do everywhere in memviz.
void apply_size(const std::string& text, const char* option, std::uint64_t& out) {
    if (text.empty()) return;
    auto bytes = parse_size(text);
    if (!bytes) throw CLI::ValidationError(option, "'" + text + "' is not a size (try 8M, 64K or 4096)");
    out = *bytes;
}

void print_table(const Layout& layout, bool high_first) {
    const auto segments = layout.segments();
    std::cout << "Address space (" << info(layout.data_model()).name << "), "
              << (high_first ? "high addresses first" : "low addresses first") << ":\n";
    auto row = [](const Segment& s) {
        std::cout << segment_row(name(s.kind), s.first, s.last, permissions_text(s.permissions)) << "\n";
    };
    if (high_first) {
        for (auto it = segments.rbegin(); it != segments.rend(); ++it) row(*it);
    } else {
        for (const Segment& s : segments) row(s);
    }
}

void print_json(const Layout& layout) {
    nlohmann::json segments = nlohmann::json::array();
    for (const Segment& s : layout.segments()) {
        segments.push_back({{"name", name(s.kind)},
                            {"first", hex_address(s.first)},
                            {"last", hex_address(s.last)},
                            {"size", s.size()},
                            {"permissions", permissions_text(s.permissions)}});
    }
    nlohmann::json out = {{"data_model", info(layout.data_model()).name}, {"segments", segments}};
    std::cout << out.dump(2) << "\n";
}

}  // namespace

void add_layout_command(CLI::App& app) {
    auto options = std::make_shared<LayoutOptions>();
    CLI::App* command = app.add_subcommand("layout", "Print the address-space layout of a simulated process");
    command->add_option("--data-model", options->data_model, "lp64 (x86-64, default) or ilp32 (i386)")
        ->check(CLI::IsMember({"lp64", "ilp32"}, CLI::ignore_case));
    command->add_option("--heap-limit", options->heap_limit, "most the heap may grow to (default 64M)");
    command->add_option("--stack-limit", options->stack_limit, "size of the stack (default 8M, at least 4K)");
    command->add_flag("--json", options->json, "print JSON instead of a table");
    command->add_flag("--high-first", options->high_first, "list high addresses first, as CS:APP draws them");
    command->callback([options] {
        LayoutConfig config;
        config.data_model = *parse_data_model(options->data_model);
        apply_size(options->heap_limit, "--heap-limit", config.heap_limit);
        apply_size(options->stack_limit, "--stack-limit", config.stack_limit);
        auto layout = Layout::make(config);
        if (!layout.ok()) throw CLI::ValidationError("layout", layout.error());
        if (options->json) print_json(layout.value());
        else print_table(layout.value(), options->high_first);
    });
}

}  // namespace memviz::shell

#include "settings.h"

namespace memviz::web {
namespace {

std::optional<std::string> range_problem(double bytes, std::uint64_t low, std::uint64_t high, const std::string& what) {
    if (bytes >= static_cast<double>(low) && bytes <= static_cast<double>(high)) return std::nullopt;
    std::string message = what;
    message.append(" must be from ").append(std::to_string(low)).append(" to ").append(std::to_string(high)).append(" bytes");
    return message;
}

}  // namespace

std::optional<std::string> stack_limit_problem(double bytes, const std::string& what) {
    return range_problem(bytes, kMinStackLimit, kMaxStackLimit, what);
}

std::optional<std::string> heap_limit_problem(double bytes, const std::string& what) {
    return range_problem(bytes, kMinHeapLimit, kMaxHeapLimit, what);
}

}  // namespace memviz::web

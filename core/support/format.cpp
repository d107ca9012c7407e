#include "support/format.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace memviz {

std::string hex_address(std::uint64_t address) {
    std::array<char, 2 + 16> digits{};
    auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), address, 16);
    (void)ec;  // 16 hex digits always fit
    return "0x" + std::string(digits.data(), end);
}

std::string human_size(std::uint64_t bytes) {
    static constexpr std::array<const char*, 7> kUnits = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes == 1) return "1 byte";
    std::size_t unit = 0;
    std::uint64_t whole = bytes;
    while (unit + 1 < kUnits.size() && whole >= 1024 && whole % 1024 == 0) {
        whole /= 1024;
        ++unit;
    }
    if (whole < 1024 || unit + 1 == kUnits.size()) return std::to_string(whole) + " " + kUnits[unit];
    // Not a whole number of the next unit: one decimal of the largest unit that fits.
    double value = static_cast<double>(bytes);
    unit = 0;
    while (unit + 1 < kUnits.size() && value >= 1024.0) {
        value /= 1024.0;
        ++unit;
    }
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.1f %s", value, kUnits[unit]);
    return text.data();
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
    auto trim = [](std::string_view s) {
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
        return s;
    };
    text = trim(text);
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        base = 16;
    }
    std::uint64_t number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number, base);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    std::string_view suffix = trim(text.substr(static_cast<std::size_t>(end - text.data())));
    if (base == 16 && !suffix.empty()) return std::nullopt;

    std::string unit;
    for (char c : suffix) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int shift = 0;
    if (unit.empty() || unit == "b") shift = 0;
    else if (unit == "k" || unit == "kib" || unit == "kb") shift = 10;
    else if (unit == "m" || unit == "mib" || unit == "mb") shift = 20;
    else if (unit == "g" || unit == "gib" || unit == "gb") shift = 30;
    else return std::nullopt;
    if (shift > 0 && number > (UINT64_MAX >> shift)) return std::nullopt;
    return number << shift;
}

}  // namespace memviz

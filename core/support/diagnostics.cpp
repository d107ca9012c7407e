#include "support/diagnostics.h"

namespace memviz {
namespace {

// Line `number` (1-based) of `source`, without its newline; empty past the end.
std::string_view source_line(std::string_view source, std::uint32_t number) {
    std::size_t start = 0;
    for (std::uint32_t line = 1; line < number; ++line) {
        const std::size_t newline = source.find('\n', start);
        if (newline == std::string_view::npos) return {};
        start = newline + 1;
    }
    const std::size_t end = source.find('\n', start);
    std::string_view line = source.substr(start, end == std::string_view::npos ? source.size() - start : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

void render_one(std::string& out, const Diagnostic& d, std::string_view file, std::string_view source) {
    out += file;
    if (d.loc.valid()) out.append(":").append(std::to_string(d.loc.line)).append(":").append(std::to_string(d.loc.column));
    out += ": ";
    out += name(d.severity);
    out.append(": ").append(d.message).append("\n");
    if (!d.loc.valid()) return;
    std::string_view line = source_line(source, d.loc.line);
    // Very long lines are cut around the column so the caret stays on screen.
    constexpr std::size_t kWidth = 160;
    std::size_t caret = d.loc.column > 0 ? d.loc.column - 1 : 0;
    std::string prefix;
    if (line.size() > kWidth && caret > kWidth / 2) {
        const std::size_t skip = caret - kWidth / 2;
        line.remove_prefix(std::min(skip, line.size()));
        caret -= skip;
        prefix = "...";
    }
    if (line.size() > kWidth) line = line.substr(0, kWidth);
    out += "    " + prefix + std::string(line) + "\n";
    std::string pad;
    for (std::size_t i = 0; i < caret && i < line.size(); ++i) pad += line[i] == '\t' ? '\t' : ' ';
    out += "    " + std::string(prefix.size(), ' ') + pad + "^\n";
}

}  // namespace

std::string_view name(Severity severity) {
    switch (severity) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "?";
}

Diagnostic& Diagnostics::add(Severity severity, SourceLoc loc, std::string message) {
    if (full()) return m_overflow;
    if (severity == Severity::Error) ++m_errors;
    if (full()) message = "too many errors; stopping here";
    m_list.push_back({severity, loc, std::move(message), {}});
    return m_list.back();
}

Diagnostic& Diagnostics::error(SourceLoc loc, std::string message) { return add(Severity::Error, loc, std::move(message)); }

Diagnostic& Diagnostics::warning(SourceLoc loc, std::string message) {
    return add(Severity::Warning, loc, std::move(message));
}

void Diagnostics::note(Diagnostic& to, SourceLoc loc, std::string message) {
    to.notes.push_back({Severity::Note, loc, std::move(message), {}});
}

std::string Diagnostics::render(std::string_view file, std::string_view source) const {
    std::string out;
    for (const Diagnostic& d : m_list) {
        render_one(out, d, file, source);
        for (const Diagnostic& n : d.notes) render_one(out, n, file, source);
    }
    return out;
}

}  // namespace memviz

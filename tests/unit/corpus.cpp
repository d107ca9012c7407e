#include "corpus.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace memviz::test {
namespace {
// The text after `marker` when `line` starts with it, an optional single space skipped.
std::optional<std::string> directive(const std::string& line, std::string_view marker) {
    if (line.rfind(marker, 0) != 0) return std::nullopt;
    std::string rest = line.substr(marker.size());
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    return rest;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

// "KIND LINE", where KIND may have spaces.
ExpectedError expected_error(const std::string& text, const std::string& line) {
    const std::size_t space = text.rfind(' ');
    REQUIRE_MESSAGE(space != std::string::npos, "malformed expectation: " << line);
    return ExpectedError{text.substr(0, space), static_cast<std::uint32_t>(std::stoul(text.substr(space + 1)))};
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

ProgramSpec read_spec(const std::string& source) {
    ProgramSpec spec;
    std::istringstream lines(source);
    for (std::string line; std::getline(lines, line);) {
        if (auto text = directive(line, "// stdin:")) {
            spec.stdin_text += *text + "\n";
        } else if (auto text = directive(line, "// args:")) {
            spec.args = words(*text);
        } else if (auto text = directive(line, "// expect-exit:")) {
            spec.exit_status = std::stoi(*text);
        } else if (auto text = directive(line, "// expect-stdout:")) {
            spec.expected_stdout += *text + "\n";
        } else if (auto text = directive(line, "// models:")) {
            spec.models.clear();
            for (const std::string& word : words(*text)) {
                REQUIRE_MESSAGE((word == "lp64" || word == "ilp32"), "unknown data model " << word);
                spec.models.push_back(word == "lp64" ? DataModel::LP64 : DataModel::ILP32);
            }
        } else if (auto text = directive(line, "// expect-error:")) {
            spec.error = expected_error(*text, line);
        } else if (auto text = directive(line, "// expect-reported:")) {
            spec.reported.push_back(expected_error(*text, line));
        } else if (line == "// keep-going") {
            spec.keep_going = true;
        }
    }
    return spec;
}

std::vector<std::filesystem::path> programs_in(const std::string& subdirectory) {
    return c_files_in(std::filesystem::path(MEMVIZ_TEST_C_DIR) / subdirectory);
}

std::vector<std::filesystem::path> c_files_in(const std::filesystem::path& dir) {
    REQUIRE(std::filesystem::is_directory(dir));
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".c") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string model_name(DataModel model) { return model == DataModel::LP64 ? "lp64" : "ilp32"; }

}  // namespace memviz::test

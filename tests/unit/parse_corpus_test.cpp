// The corpus of wrong programs in tests/c/errors: each file says, in `// expect:` comments, the
// diagnostics the front end must give (tests/c/errors/README.md has the format). Every expected
// diagnostic must appear with its line, column, severity and exact message, and every error the
// front end gives must be expected. The directory comes from MEMVIZ_TEST_C_DIR (tests/CMakeLists.txt);
// under node the test binary reads the host's files through NODERAWFS.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lang/parse.h"

using namespace memviz;
using namespace memviz::lang;

namespace {

struct Expected {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string severity;
    std::string message;
};

// `// expect: 4:12: error: message` -> {4, 12, "error", "message"}
std::vector<Expected> expectations(const std::string& source) {
    std::vector<Expected> out;
    std::istringstream lines(source);
    std::string text;
    constexpr std::string_view kMarker = "// expect: ";
    while (std::getline(lines, text)) {
        const std::size_t at = text.find(kMarker);
        if (at == std::string::npos) continue;
        std::string rest = text.substr(at + kMarker.size());
        Expected e;
        std::size_t colon1 = rest.find(':');
        std::size_t colon2 = rest.find(':', colon1 + 1);
        std::size_t colon3 = rest.find(':', colon2 + 1);
        REQUIRE_MESSAGE(colon3 != std::string::npos, "malformed expectation: " << text);
        e.line = static_cast<std::uint32_t>(std::stoul(rest.substr(0, colon1)));
        e.column = static_cast<std::uint32_t>(std::stoul(rest.substr(colon1 + 1, colon2 - colon1 - 1)));
        e.severity = rest.substr(colon2 + 2, colon3 - colon2 - 2);
        e.message = rest.substr(colon3 + 2);
        out.push_back(e);
    }
    return out;
}

bool matches(const Diagnostic& d, const Expected& e) {
    return d.loc.line == e.line && d.loc.column == e.column && name(d.severity) == e.severity && d.message == e.message;
}

}  // namespace

TEST_CASE("parse corpus: every wrong program gets exactly its expected diagnostics") {
    const std::filesystem::path dir = std::filesystem::path(MEMVIZ_TEST_C_DIR) / "errors";
    REQUIRE(std::filesystem::is_directory(dir));
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".c") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 60);
    for (const auto& path : files) {
        CAPTURE(path.filename().string());
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string source = buffer.str();
        const std::vector<Expected> expected = expectations(source);
        CHECK_MESSAGE(!expected.empty(), "no expectations in " << path.filename().string());
        for (const DataModel model : {DataModel::LP64, DataModel::ILP32}) {
            if (model == DataModel::ILP32 && source.find("// lp64-only") != std::string::npos) continue;
            Diagnostics diagnostics;
            (void)parse_source(source, model, diagnostics);
            std::vector<Diagnostic> flat;
            for (const Diagnostic& d : diagnostics.all()) {
                flat.push_back(d);
                for (const Diagnostic& n : d.notes) flat.push_back(n);
            }
            const std::string rendered = diagnostics.render(path.filename().string(), source);
            for (const Expected& e : expected) {
                const bool found = std::any_of(flat.begin(), flat.end(), [&](const Diagnostic& d) { return matches(d, e); });
                CHECK_MESSAGE(found, path.filename().string() << ": missing " << e.line << ":" << e.column << ": "
                                                               << e.severity << ": " << e.message << "\ngot:\n" << rendered);
            }
            for (const Diagnostic& d : diagnostics.all()) {
                if (d.severity != Severity::Error) continue;
                const bool wanted = std::any_of(expected.begin(), expected.end(), [&](const Expected& e) { return matches(d, e); });
                CHECK_MESSAGE(wanted, path.filename().string() << ": unexpected error\n" << rendered);
            }
        }
    }
}

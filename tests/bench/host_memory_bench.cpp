// memviz_host_memory_bench: hostile programs through a Session at the default options, each run
// to its first stop (or through several step budgets), and what the session then keeps in host
// memory by part (Session::host_memory), against the bound docs/reliability.md states
// (host_memory_bound). Prints a Markdown table; a part over its bound is marked "OVER".
//
// Usage: memviz_host_memory_bench [--quick]   (--quick leaves out the two five-budget runs)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "session.h"

using namespace memviz;

namespace {

struct Program {
    const char* label;
    std::string source;
    int budgets = 1;  // step budgets to run through before measuring
};

std::string repeated(const std::string& line, int times) {
    std::string out;
    out.reserve(line.size() * static_cast<std::size_t>(times));
    for (int i = 0; i < times; ++i) out += line;
    return out;
}

std::vector<Program> programs(bool quick) {
    const std::string loop = "int main(void) {\n    unsigned long n = 0;\n    for (;;) n++;\n}\n";
    const std::string malloc_loop = "#include <stdlib.h>\nint main(void) {\n    for (;;) {\n        char *p = malloc(1000);\n"
                                    "        (void)p;\n    }\n}\n";
    std::string sum = "n";
    for (int i = 0; i < 150; ++i) sum = "(n + " + sum;
    sum += " + f(n + 1)" + std::string(150, ')');
    std::vector<Program> out = {
        {"endless loop `for (;;) n++`", loop},
        {"the same, 5 budgets", loop, 5},
        {"unbounded recursion", "int f(int n) {\n    return f(n + 1) + 1;\n}\nint main(void) { return f(0); }\n"},
        {"recursion inside a 150-deep sum", "int f(int n) {\n    return " + sum + ";\n}\nint main(void) { return f(0); }\n"},
        {"`malloc(4096)` until `NULL`, then exit",
         "#include <stdlib.h>\nint main(void) {\n    long n = 0;\n    while (malloc(4096) != NULL)\n        n++;\n"
         "    return (int)(n % 256);\n}\n"},
        {"`malloc(1000)` in an endless loop", malloc_loop},
        {"the same, 5 budgets", malloc_loop, 5},
        {"`malloc(1)` in an endless loop (2M blocks)",
         "#include <stdlib.h>\nint main(void) {\n    for (;;) {\n        char *p = malloc(1);\n        (void)p;\n    }\n}\n"},
        {"`malloc(100000)` + `memset`, unchecked",
         "#include <stdlib.h>\n#include <string.h>\nint main(void) {\n    for (;;) {\n        char *p = malloc(100000);\n"
         "        memset(p, 1, 100000);\n    }\n}\n"},
        {"`char big[100000000]` in `main`", "int main(void) {\n    char big[100000000];\n    big[0] = 1;\n    return big[0];\n}\n"},
        {"`printf` in an endless loop", "#include <stdio.h>\nint main(void) {\n    for (;;) printf(\"hello world\\n\");\n}\n"},
        {"`memset` of 32 MiB in an endless loop",
         "#include <stdlib.h>\n#include <string.h>\nint main(void) {\n    char *p = malloc(32 << 20);\n"
         "    for (;;) memset(p, 1, 32 << 20);\n}\n"},
        {"`strlen` of 1 MiB in a loop condition",
         "#include <stdlib.h>\n#include <string.h>\nint main(void) {\n    char *s = malloc(1 << 20);\n"
         "    memset(s, 'a', (1 << 20) - 1);\n    s[(1 << 20) - 1] = 0;\n    long n = 0;\n"
         "    for (size_t i = 0; i < strlen(s); i++) n += s[i];\n    return (int)(n % 256);\n}\n"},
        {"`free` into a 200K-block free list, then `malloc`/`free` forever",
         "#include <stdlib.h>\nint main(void) {\n    static char *blocks[400000];\n"
         "    for (int i = 0; i < 400000; i++) blocks[i] = malloc(16);\n"
         "    for (int i = 0; i < 400000; i += 2) free(blocks[i]);\n"
         "    for (;;) {\n        char *p = malloc(64);\n        free(p);\n    }\n}\n"},
        {"globals of 4,225 values each (a snapshot's budget)",
         "struct inner { int a[64]; };\nstruct outer { struct inner s[64]; };\nstruct outer " +
             [] {
                 std::string names;
                 for (int i = 0; i < 60; ++i) names += (i > 0 ? ", g" : "g") + std::to_string(i);
                 return names;
             }() +
             ";\nint main(void) {\n    g0.s[0].a[0] = 1;\n    return 0;\n}\n"},
        {"380,000 lines (a million tokens)", "int main(void) { int x = 0;\n" + repeated("x++;\n", 380'000) + "return x; }\n"},
        {"200,000 statements `x++;`", "int main(void) { int x = 0;\n" + repeated("x++;\n", 200'000) + "return x; }\n"},
        {"990,000 tokens of `a[i] = a[i] + a[i];`",
         "int a[8];\nint main(void) { int i = 1;\n" + repeated("a[i] = a[i] + a[i];\n", 66'000) + "return a[1]; }\n"},
    };
    if (quick) std::erase_if(out, [](const Program& p) { return p.budgets > 1; });
    return out;
}

double mib(std::uint64_t bytes) { return static_cast<double>(bytes) / 1048576.0; }

// "1.5", or "1.5 OVER" when `part` is past its bound.
std::string figure(std::uint64_t part, std::uint64_t bound) {
    char text[48];
    std::snprintf(text, sizeof text, "%.1f%s", mib(part), part > bound ? " OVER" : "");
    return text;
}

std::string outcome(Session& session, const Diagnostics& diagnostics) {
    if (!session.loaded()) {
        for (const Diagnostic& d : diagnostics.all()) {
            if (d.severity == Severity::Error) return "compile error " + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
        }
        return "compile error";
    }
    const Snapshot& s = session.snapshot(SnapshotDetail::Full);
    std::string text(name(s.state));
    if (s.error) text = std::string(vm::name(s.error->kind)) + " " + std::to_string(s.error->loc.line) + ":" + std::to_string(s.error->loc.column);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const HostMemory bound = host_memory_bound(SessionOptions{});
    std::printf("Host memory of one Session at the default options, MiB (bound: program %.0f, memory %.0f, machine %.0f, "
                "output %.0f, history %.0f, snapshot %.0f, total %.0f)\n\n",
                mib(bound.program), mib(bound.memory), mib(bound.machine), mib(bound.output), mib(bound.history),
                mib(bound.snapshot), mib(bound.total()));
    std::printf("| program | outcome | instructions | steps charged | program | memory | machine | output | history | snapshot | "
                "**total** | s |\n");
    std::printf("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const Program& program : programs(quick)) {
        const auto started = std::chrono::steady_clock::now();
        Session session;
        const Diagnostics& diagnostics = session.load(program.source);
        StopReason reason = StopReason::NotLoaded;
        if (session.loaded()) {
            reason = session.continue_forward();
            for (int i = 1; i < program.budgets && reason == StopReason::Budget; ++i) {
                session.extend_budget(session.options().max_steps);
                reason = session.continue_forward();
            }
        }
        const std::string ended = outcome(session, diagnostics);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const HostMemory m = session.host_memory();
        const std::uint64_t charged = session.loaded() ? session.history()->machine().vm().charged_steps() : 0;
        std::printf("| %s | %s | %llu | %llu | %s | %s | %s | %s | %s | %s | %s | %.1f |\n", program.label, ended.c_str(),
                    static_cast<unsigned long long>(session.position().tick), static_cast<unsigned long long>(charged),
                    figure(m.program, bound.program).c_str(), figure(m.memory, bound.memory).c_str(),
                    figure(m.machine, bound.machine).c_str(), figure(m.output, bound.output).c_str(),
                    figure(m.history, bound.history).c_str(), figure(m.snapshot, bound.snapshot).c_str(),
                    figure(m.total(), bound.total()).c_str(), seconds);
        std::fflush(stdout);
    }
}

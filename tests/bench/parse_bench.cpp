// memviz_parse_bench: the front end's speed on a generated 5,000-line C program (structs,
// functions with loops, switches, pointer arithmetic, initializers), preprocess + parse, in both
// data models. Prints the medians of each stage and the best and median totals of 15 runs; the
// goal is well under 100 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "lang/parse.h"
#include "lang/preprocess.h"

namespace {

// 24 lines per block: 208 blocks, the includes and main give about 5,050 lines.
std::string generate_program(int blocks) {
    std::string out = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n";
    for (int i = 0; i < blocks; ++i) {
        const std::string n = std::to_string(i);
        out += "struct node" + n + " { int key; double weight; struct node" + n + " *next; char name[16]; };\n";
        out += "static int table" + n + "[8] = {1, 2, 3, [6] = 7};\n";
        out += "int work" + n + "(int count, const int *values) {\n";
        out += "    int total = 0;\n";
        out += "    struct node" + n + " local = { .key = count, .weight = 1.5 };\n";
        out += "    struct node" + n + " *p = &local;\n";
        out += "    for (int i = 0; i < count; i++) {\n";
        out += "        total += values[i] * (i % 3) + table" + n + "[i & 7];\n";
        out += "        if (total > 1000 && i != 0) total -= p->key << 1;\n";
        out += "        else total ^= (int)(p->weight * 2.0);\n";
        out += "    }\n";
        out += "    while (total > 100) { total /= 2; }\n";
        out += "    switch (total & 3) {\n";
        out += "    case 0: total++; break;\n";
        out += "    case 1: total--; /* fall through */\n";
        out += "    default: total = total ? total : -1; break;\n";
        out += "    }\n";
        out += "    do { total += sizeof(struct node" + n + ") > 8; } while (total < 0);\n";
        out += "    p->next = NULL;\n";
        out += "    strcpy(p->name, \"node\");\n";
        out += "    if (p->next == NULL && strlen(p->name) > 2u) total += (int)strlen(p->name);\n";
        out += "    return total + (int)local.key;\n";
        out += "}\n";
        out += "\n";
    }
    out += "int main(void) {\n    int values[64] = {0};\n    int sum = 0;\n";
    for (int i = 0; i < blocks; i += 10) out += "    sum += work" + std::to_string(i) + "(64, values);\n";
    out += "    printf(\"%d\\n\", sum);\n    return 0;\n}\n";
    return out;
}

}  // namespace

int main() {
    using memviz::DataModel;
    const std::string source = generate_program(208);
    const auto lines = std::count(source.begin(), source.end(), '\n');
    std::printf("| data model | lines | preprocess ms | parse ms | total ms (best) | total ms (median) |\n");
    std::printf("| --- | --- | --- | --- | --- | --- |\n");
    for (const DataModel model : {DataModel::LP64, DataModel::ILP32}) {
        std::vector<double> preprocess_times, parse_times, totals;
        for (int run = 0; run < 15; ++run) {
            const auto start = std::chrono::steady_clock::now();
            memviz::Diagnostics diagnostics;
            std::vector<memviz::lang::Token> tokens = memviz::lang::preprocess(source, model, diagnostics);
            const auto middle = std::chrono::steady_clock::now();
            const memviz::lang::Program program = memviz::lang::parse(std::move(tokens), model, diagnostics);
            const auto stop = std::chrono::steady_clock::now();
            if (diagnostics.has_errors() || program.functions.empty()) {
                std::fputs(diagnostics.render("bench.c", source).c_str(), stderr);
                return 1;
            }
            preprocess_times.push_back(std::chrono::duration<double, std::milli>(middle - start).count());
            parse_times.push_back(std::chrono::duration<double, std::milli>(stop - middle).count());
            totals.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        }
        for (auto* times : {&preprocess_times, &parse_times, &totals}) std::sort(times->begin(), times->end());
        std::printf("| %s | %ld | %.1f | %.1f | %.1f | %.1f |\n", model == DataModel::LP64 ? "LP64" : "ILP32",
                    static_cast<long>(lines), preprocess_times[7], parse_times[7], totals.front(), totals[7]);
    }
    return 0;
}

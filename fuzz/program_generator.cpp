// The generator writes a fixed prelude (headers, two structs, a few globals and helper
// functions), then up to kMaxFunctions functions `int fK(int n, int *p)`, then main. Every name
// an expression uses is one the generator declared and still has in scope, with its kind, so
// what it writes type-checks by construction:
//
//   program   = prelude function* main
//   function  = "int f" K "(int n, int *p) {" block "return" int-expr "; }"
//   block     = statement*            (ends when a choice is 0, at the nesting or size limit)
//   statement = declaration | assignment | heap call | string call | print | if | for | while
//             | switch | call | qsort | return | break | continue | exit
//   int-expr  = literal | variable | element | member | deref | call | (int-expr op int-expr) | ...
//
// fK may call fJ for J < K, and itself only as `if (n > 0) x = fK(n - 1, ...)`: recursion ends
// unless n is large, when it overflows the stack, which is one of the mistakes to catch.
#include "program_generator.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memviz::fuzz {
namespace {

constexpr int kMaxFunctions = 4;
constexpr int kMaxStatements = 24;   // per function; main gets twice as many
constexpr int kMaxNesting = 3;       // blocks inside blocks
constexpr int kMaxExpressionDepth = 3;

enum class Kind {
    Int,        // int
    Long,       // long
    Unsigned,   // unsigned
    Double,     // double
    IntArray,   // int NAME[length]
    CharArray,  // char NAME[length]
    IntPointer, // int *
    CharPointer,// char * (a heap string, or NULL)
    List,       // struct node *
    Pair,       // struct pair
};

struct Variable {
    std::string name;
    Kind kind;
    int length = 0;  // arrays
};

constexpr std::string_view kPrelude = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { int value; struct node *next; };
struct pair { int a; long b; char tag[4]; };

int gi = 3;
long gw;
int g[8];
char gs[16] = "global";
int *gptr;
struct node *glist;
struct pair gpair = {1, 2, "ab"};

struct node *push(struct node *head, int value) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) return head;
    n->value = value;
    n->next = head;
    return n;
}

int sum_list(struct node *head) {
    if (head == NULL) return 0;
    return head->value + sum_list(head->next);
}

void free_list(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int cmp_int(const void *x, const void *y) {
    int a = *(const int *)x;
    int b = *(const int *)y;
    return (a > b) - (a < b);
}

int *escape(void) {
    int local = 7;
    int *p = &local;
    return p;
}
)";

// Integer literals: kPlainLiterals plain ones first (a 0 choice is the plainest), then the edges.
constexpr int kPlainLiterals = 14;
constexpr std::array<std::string_view, 24> kLiterals = {
    "0", "1", "2", "3", "4", "5", "7", "8", "10", "16", "31", "32", "100", "255", "-1", "-2", "1000", "65535",
    "46341", "2147483647", "(-2147483647 - 1)", "-100", "33", "64",
};
constexpr std::array<std::string_view, 18> kOperators = {
    "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "<", "<=", ">", ">=", "==", "!=", "&&", "||",
};
constexpr std::array<std::string_view, 6> kStrings = {"\"\"", "\"a\"", "\"ab\"", "\"abc\"", "\"hello\"", "\"abcdefghijklmnop\""};

class Generator {
public:
    explicit Generator(FuzzedDataProvider& data) : m_data(data) {}

    std::string program() {
        m_out = kPrelude;
        m_scopes.push_back({{"gi", Kind::Int},         {"gw", Kind::Long},      {"g", Kind::IntArray, 8},
                            {"gs", Kind::CharArray, 16}, {"gptr", Kind::IntPointer}, {"glist", Kind::List},
                            {"gpair", Kind::Pair}});
        const int functions = pick(kMaxFunctions + 1);
        for (m_function = 0; m_function < functions; ++m_function) function();
        main_function();
        return m_out;
    }

private:
    // --- choices --------------------------------------------------------------------------------
    int pick(int count) { return m_data.ConsumeIntegralInRange<int>(0, count - 1); }
    bool rarely() { return pick(8) == 7; }
    // Mostly a plain number, now and then an edge (INT_MAX, INT_MIN, a big one).
    std::string literal() {
        const int index = rarely() ? pick(static_cast<int>(kLiterals.size())) : pick(kPlainLiterals);
        return std::string(kLiterals[static_cast<std::size_t>(index)]);
    }
    std::string small(int max) { return std::to_string(pick(max + 1)); }
    // A count or index up to `limit`; now and then up to 8 past it (an overflow to catch).
    std::string within(int limit) { return small(rarely() ? limit + 8 : limit); }
    // `statement` behind a NULL test of `pointer`, or now and then bare.
    std::string guarded(const std::string& pointer, const std::string& statement) {
        return rarely() ? statement : "if (" + pointer + " != NULL) " + statement;
    }
    std::string string_literal() { return std::string(kStrings[static_cast<std::size_t>(pick(kStrings.size()))]); }

    // --- scopes ---------------------------------------------------------------------------------
    std::string declare(Kind kind, int length = 0) {
        static constexpr std::array<char, 10> kPrefix = {'i', 'w', 'u', 'd', 'a', 'b', 'p', 'c', 'l', 's'};
        std::string name = kPrefix[static_cast<std::size_t>(kind)] + std::to_string(m_next_name++);
        m_scopes.back().push_back({name, kind, length});
        return name;
    }
    // A variable of `kind` in scope, chosen by the bytes; none when there is none.
    const Variable* find(Kind kind) {
        std::vector<const Variable*> found;
        for (const auto& scope : m_scopes) {
            for (const Variable& v : scope) {
                if (v.kind == kind) found.push_back(&v);
            }
        }
        if (found.empty()) return nullptr;
        return found[static_cast<std::size_t>(pick(static_cast<int>(found.size())))];
    }

    // --- output ---------------------------------------------------------------------------------
    void line(const std::string& text) {
        m_out.append(static_cast<std::size_t>(m_indent) * 4, ' ');
        m_out += text;
        m_out += '\n';
    }
    void open(const std::string& head) {
        line(head + " {");
        ++m_indent;
        m_scopes.emplace_back();
    }
    void close(const std::string& tail = "}") {
        m_scopes.pop_back();
        --m_indent;
        line(tail);
    }

    // --- expressions ----------------------------------------------------------------------------
    std::string int_atom() {
        switch (pick(3)) {
            case 1:
                if (const Variable* v = find(Kind::Int)) return v->name;
                break;
            case 2: return small(9);
        }
        return literal();
    }

    std::string int_expr(int depth) {
        if (depth <= 0) return int_atom();
        const int next = depth - 1;
        switch (pick(16)) {
            case 1:
            case 2: {
                const std::string op(kOperators[static_cast<std::size_t>(pick(kOperators.size()))]);
                const std::string left = int_expr(next);
                std::string right = int_expr(next);
                // Mostly keep division and shifts defined: a zero divisor or a wide shift stops
                // the program at once, and the rest of it would never run.
                if (!rarely()) {
                    if (op == "/" || op == "%") right = "((" + right + ") | 1)";
                    if (op == "<<" || op == ">>") {
                        return "(int)((unsigned)" + left + " " + op + " ((" + right + ") & 15))";
                    }
                }
                return "(" + left + " " + op + " " + right + ")";
            }
            case 3: {
                static constexpr std::array<std::string_view, 3> kUnary = {"-", "!", "~"};
                return std::string(kUnary[static_cast<std::size_t>(pick(3))]) + "(" + int_expr(next) + ")";
            }
            case 4: return "(" + int_expr(next) + " ? " + int_expr(next) + " : " + int_expr(next) + ")";
            case 5:
                if (const Variable* a = find(Kind::IntArray)) return a->name + "[" + index(*a, next) + "]";
                break;
            case 6:
                if (const Variable* p = find(Kind::IntPointer)) {
                    const std::string element = pick(2) == 0 ? "*" + p->name : p->name + "[" + within(0) + "]";
                    return rarely() ? element : "(" + p->name + " != NULL ? " + element + " : 0)";
                }
                break;
            case 7:
                if (const Variable* l = find(Kind::List)) {
                    if (rarely()) return l->name + "->value";  // NULL, freed or fine
                    return "(" + l->name + " != NULL ? " + l->name + "->value : 0)";
                }
                break;
            case 8:
                if (const Variable* s = find(Kind::Pair)) {
                    switch (pick(3)) {
                        case 0: return s->name + ".a";
                        case 1: return "(int)" + s->name + ".b";
                        default: return s->name + ".tag[" + within(3) + "]";
                    }
                }
                break;
            case 9: return call(next);
            case 10: return library_call(next);
            case 11:
                if (const Variable* w = find(Kind::Long)) return "(int)" + w->name;
                break;
            case 12:
                if (const Variable* u = find(Kind::Unsigned)) return "(int)(" + u->name + " >> " + small(31) + ")";
                break;
            case 13:
                if (const Variable* d = find(Kind::Double)) return "(int)" + d->name;
                break;
            case 14:
                if (const Variable* c = find(Kind::CharPointer)) {
                    return "(" + c->name + " != NULL ? " + c->name + "[" + within(0) + "] : 0)";
                }
                break;
            case 15: return "(int)sizeof(struct pair)";
        }
        return int_atom();
    }

    // An index into array `a`: within it (reduced modulo its length) or, now and then, anything.
    std::string index(const Variable& a, int depth) {
        if (rarely()) return int_expr(depth);
        if (pick(2) == 0) return small(a.length - 1);
        return "(int)((unsigned)" + int_expr(depth) + " % " + std::to_string(a.length) + "u)";
    }

    // How many generated functions this one may call: f0 ... f(K-1) from fK, all from main.
    int callable() const { return m_function < 0 ? m_functions : m_function; }

    // A call to a generated function this one may call.
    std::string call(int depth) {
        if (callable() == 0) return int_atom();
        const int callee = pick(callable());
        return "f" + std::to_string(callee) + "(" + int_expr(depth) + ", " + int_pointer() + ")";
    }

    std::string library_call(int depth) {
        switch (pick(6)) {
            case 1:
                if (const Variable* b = find(Kind::CharArray)) return "(int)strlen(" + b->name + ")";
                break;
            case 2: return "rand() % 10";
            case 3:
                if (const Variable* b = find(Kind::CharArray)) return "strcmp(" + b->name + ", " + string_literal() + ")";
                break;
            case 4:
                if (const Variable* l = find(Kind::List)) return "sum_list(" + l->name + ")";
                break;
            case 5:
                if (const Variable* b = find(Kind::CharArray)) return "atoi(" + b->name + ")";
                break;
        }
        return "abs(" + int_expr(depth) + ")";
    }

    // An int * for an argument or an assignment, without allocating.
    std::string int_pointer() {
        switch (pick(7)) {
            case 1:
                if (const Variable* v = find(Kind::Int)) return "&" + v->name;
                break;
            case 2:
                if (const Variable* a = find(Kind::IntArray)) return pick(2) == 0 ? a->name : a->name + " + " + small(a->length + 1);
                break;
            case 3:
                if (const Variable* p = find(Kind::IntPointer)) return p->name;
                break;
            case 4:
                if (const Variable* s = find(Kind::Pair)) return "&" + s->name + ".a";
                break;
            case 5: return "&g[" + small(7) + "]";
            case 6: return "escape()";
        }
        return "NULL";
    }

    // --- statements -----------------------------------------------------------------------------
    void block(int depth) {
        while (m_statements > 0 && m_data.remaining_bytes() > 0 && pick(8) != 0) {
            --m_statements;
            statement(depth);
        }
    }

    // A statement that needs a variable of some kind declares one when there is none yet.
    void statement(int depth) {
        const int e = kMaxExpressionDepth;
        switch (pick(22)) {
            case 0: declaration(); break;
            case 1:
            case 2: {
                const Variable* v = find(Kind::Int);
                if (!v) return declaration(Kind::Int);
                static constexpr std::array<std::string_view, 5> kAssign = {" = ", " += ", " -= ", " *= ", " <<= "};
                if (pick(4) == 0) return line(v->name + "++;");
                line(v->name + std::string(kAssign[static_cast<std::size_t>(pick(5))]) + int_expr(e) + ";");
                break;
            }
            case 3: {
                const Variable* a = find(Kind::IntArray);
                if (!a) return declaration(Kind::IntArray);
                line(a->name + "[" + index(*a, 1) + "] = " + int_expr(e) + ";");
                break;
            }
            case 4: pointer_statement(); break;
            case 5: heap_statement(); break;
            case 6: list_statement(); break;
            case 7: pair_statement(); break;
            case 8: string_statement(); break;
            case 9: print_statement(); break;
            case 10:
                if (depth >= kMaxNesting) return print_statement();
                open("if (" + int_expr(e) + ")");
                block(depth + 1);
                if (pick(2) == 0) {
                    close();
                } else {
                    close("} else {");
                    ++m_indent;
                    m_scopes.emplace_back();
                    block(depth + 1);
                    close();
                }
                break;
            case 11: {
                if (depth >= kMaxNesting) return print_statement();
                const std::string i = "i" + std::to_string(m_next_name++);
                open("for (int " + i + " = 0; " + i + " < " + small(12) + "; " + i + "++)");
                m_scopes.back().push_back({i, Kind::Int});
                ++m_loops;
                block(depth + 1);
                --m_loops;
                close();
                break;
            }
            case 12: {
                if (depth >= kMaxNesting) return print_statement();
                const std::string i = declare(Kind::Int);
                line("int " + i + " = " + small(6) + ";");
                open("while (" + i + "-- > 0)");
                ++m_loops;
                block(depth + 1);
                --m_loops;
                close();
                break;
            }
            case 13: switch_statement(depth); break;
            case 14: {
                const Variable* v = find(Kind::Int);
                if (!v) return declaration(Kind::Int);
                if (m_function >= 0 && pick(2) == 0) {
                    // The one recursion: it ends when n does.
                    line("if (n > 0) " + v->name + " = f" + std::to_string(m_function) + "(n - " + small(2) + " - 1, " +
                         int_pointer() + ");");
                } else {
                    line(v->name + " = " + call(e) + ";");
                }
                break;
            }
            case 15: {
                const Variable* a = find(Kind::IntArray);
                if (!a) return declaration(Kind::IntArray);
                line("qsort(" + a->name + ", " + within(a->length) + ", sizeof(int), cmp_int);");
                break;
            }
            case 16: function_pointer_statement(); break;
            case 17:
                if (rarely()) line("return " + int_expr(e) + ";");
                else if (m_loops > 0) line(pick(2) == 0 ? "break;" : "continue;");
                break;
            case 18: number_statement(); break;
            case 19: {
                const Variable* v = find(Kind::Int);
                if (!v) return declaration(Kind::Int);
                line("scanf(\"%d\", &" + v->name + ");");
                break;
            }
            case 20:
                if (depth >= kMaxNesting) return;
                open("");
                block(depth + 1);
                close();
                break;
            case 21:
                if (rarely()) line(pick(2) == 0 ? "exit(" + small(3) + ");" : "abort();");
                break;
        }
    }

    void declaration(std::optional<Kind> wanted = std::nullopt) {
        const Kind kind = wanted ? *wanted : static_cast<Kind>(pick(10));
        const bool uninitialized = rarely();
        switch (kind) {
            case Kind::Int: {
                const std::string init = uninitialized ? "" : " = " + int_expr(kMaxExpressionDepth);
                line("int " + declare(kind) + init + ";");
                break;
            }
            case Kind::Long: line("long " + declare(kind) + (uninitialized ? "" : " = (long)" + int_expr(1) + " * 3") + ";"); break;
            case Kind::Unsigned: line("unsigned " + declare(kind) + (uninitialized ? "" : " = (unsigned)" + int_expr(1)) + ";"); break;
            case Kind::Double: line("double " + declare(kind) + (uninitialized ? "" : " = " + int_expr(1) + " / 4.0") + ";"); break;
            case Kind::IntArray: {
                const int length = 1 + pick(8);
                const std::string init = uninitialized ? "" : pick(2) == 0 ? " = {0}" : " = {" + literal() + ", " + literal() + "}";
                const std::string name = declare(kind, length);
                if (length < 2 && init.find(',') != std::string::npos) return line("int " + name + "[" + std::to_string(length) + "] = {0};");
                line("int " + name + "[" + std::to_string(length) + "]" + init + ";");
                break;
            }
            case Kind::CharArray: {
                static constexpr std::array<int, 4> kLengths = {8, 4, 16, 1};
                const int length = kLengths[static_cast<std::size_t>(pick(4))];
                const std::string init = uninitialized ? "" : length >= 3 && pick(2) == 0 ? " = \"hi\"" : " = \"\"";
                line("char " + declare(kind, length) + "[" + std::to_string(length) + "]" + init + ";");
                break;
            }
            case Kind::IntPointer: line("int *" + declare(kind) + (uninitialized ? "" : " = " + int_pointer()) + ";"); break;
            case Kind::CharPointer: {
                const std::string init = uninitialized ? "" : pick(2) == 0 ? " = malloc(" + small(12) + ")" : " = NULL";
                line("char *" + declare(kind) + init + ";");
                break;
            }
            case Kind::List: line("struct node *" + declare(kind) + (uninitialized ? "" : " = NULL") + ";"); break;
            case Kind::Pair: {
                const std::string init = uninitialized ? "" : " = {" + int_expr(1) + ", " + literal() + ", \"x\"}";
                line("struct pair " + declare(kind) + init + ";");
                break;
            }
        }
    }

    void pointer_statement() {
        const Variable* p = find(Kind::IntPointer);
        if (!p) return declaration(Kind::IntPointer);
        switch (pick(4)) {
            case 0: line(p->name + " = " + int_pointer() + ";"); break;
            case 1: line(guarded(p->name, "*" + p->name + " = " + int_expr(kMaxExpressionDepth) + ";")); break;
            case 2: line(guarded(p->name, p->name + "[" + within(0) + "] = " + int_expr(1) + ";")); break;
            case 3: line(p->name + " = " + p->name + " + " + small(3) + ";"); break;
        }
    }

    void heap_statement() {
        const Variable* p = find(Kind::IntPointer);
        if (!p) return declaration(Kind::IntPointer);
        const std::string count = pick(4) == 0 ? int_expr(1) : small(10);
        switch (pick(7)) {
            case 0: line(p->name + " = malloc(" + count + " * sizeof(int));"); break;
            case 1: line(p->name + " = calloc(" + count + ", sizeof(int));"); break;
            case 2: line(p->name + " = realloc(" + p->name + ", " + count + " * sizeof(int));"); break;
            case 3: line("free(" + p->name + ");"); break;  // dangling from here on
            case 4: line("free(" + p->name + ");"), line(p->name + " = NULL;"); break;
            case 5: line(guarded(p->name, "memset(" + p->name + ", 0, " + within(1) + " * sizeof(int));")); break;
            case 6: line("gptr = " + p->name + ";"); break;
        }
    }

    void list_statement() {
        const Variable* l = find(Kind::List);
        if (!l) return declaration(Kind::List);
        switch (pick(6)) {
            case 0: line(l->name + " = push(" + l->name + ", " + int_expr(1) + ");"); break;
            case 1: line(guarded(l->name, l->name + "->value = " + int_expr(1) + ";")); break;
            case 2: line(guarded(l->name, l->name + " = " + l->name + "->next;")); break;
            case 3: line("free_list(" + l->name + ");"); break;          // dangling unless reset
            case 4: line("free_list(" + l->name + ");"), line(l->name + " = NULL;"); break;
            case 5: line("glist = " + l->name + ";"); break;
        }
    }

    void pair_statement() {
        const Variable* s = find(Kind::Pair);
        if (!s) return declaration(Kind::Pair);
        switch (pick(7)) {
            case 0: line(s->name + ".a = " + int_expr(kMaxExpressionDepth) + ";"); break;
            case 1: line(s->name + ".b = " + int_expr(1) + " * 1000000007L;"); break;
            case 2: line(s->name + ".tag[" + within(3) + "] = 'z';"); break;
            case 3: line("strcpy(" + s->name + ".tag, " + string_literal() + ");"); break;
            case 4: line(pick(2) == 0 ? "gpair = " + s->name + ";" : s->name + " = gpair;"); break;
            case 5: line("memcpy(&" + s->name + ", &gpair, sizeof " + s->name + ");"); break;
            case 6: line("(&" + s->name + ")->a = " + int_expr(1) + ";"); break;
        }
    }

    void string_statement() {
        if (pick(3) == 0) return heap_string_statement();
        const Variable* b = find(Kind::CharArray);
        if (!b) return declaration(Kind::CharArray);
        const std::string& name = b->name;
        switch (pick(9)) {
            case 0: line("strcpy(" + name + ", " + string_literal() + ");"); break;
            case 1: line("strcat(" + name + ", " + string_literal() + ");"); break;
            case 2: line("memset(" + name + ", 'x', " + within(b->length) + ");"); break;
            case 3: line("snprintf(" + name + ", sizeof " + name + ", \"%d-%d\", " + int_expr(1) + ", " + int_expr(1) + ");"); break;
            case 4: line(name + "[" + index(*b, 1) + "] = 'q';"); break;
            case 5: line("memcpy(" + name + " + 1, " + name + ", " + within(b->length / 2) + ");"); break;  // overlapping
            case 6: line("memmove(" + name + " + 1, " + name + ", " + within(b->length - 1) + ");"); break;
            case 7: line("strncpy(" + name + ", \"abcdefghijklmnopq\", sizeof " + name + ");"); break;  // no NUL
            case 8: line("sprintf(" + name + ", \"%d\", " + int_expr(1) + ");"); break;
        }
    }

    void heap_string_statement() {
        const Variable* c = find(Kind::CharPointer);
        if (!c) return declaration(Kind::CharPointer);
        switch (pick(6)) {
            case 0: line(c->name + " = malloc(" + small(16) + ");"); break;
            case 1: line("if (" + c->name + " != NULL) strcpy(" + c->name + ", " + string_literal() + ");"); break;
            case 2: line("free(" + c->name + ");"); break;
            case 3: line(c->name + " = strdup(" + string_literal() + ");"); break;
            case 4: line(c->name + " = realloc(" + c->name + ", " + small(24) + ");"); break;
            case 5: line(guarded(c->name, c->name + "[" + within(0) + "] = 'h';")); break;
        }
    }

    void print_statement() {
        switch (pick(6)) {
            case 0: line("printf(\"%d\\n\", " + int_expr(kMaxExpressionDepth) + ");"); break;
            case 1:
                if (const Variable* b = find(Kind::CharArray)) line("printf(\"%s\\n\", " + b->name + ");");
                break;
            case 2:
                if (const Variable* w = find(Kind::Long)) line("printf(\"%ld\\n\", " + w->name + ");");
                break;
            case 3:
                if (const Variable* p = find(Kind::IntPointer)) line("printf(\"%p\\n\", (void *)" + p->name + ");");
                break;
            case 4:
                if (const Variable* d = find(Kind::Double)) line("printf(\"%.3f\\n\", " + d->name + ");");
                break;
            case 5:
                if (const Variable* c = find(Kind::CharPointer)) line("if (" + c->name + " != NULL) puts(" + c->name + ");");
                break;
        }
    }

    void number_statement() {
        switch (pick(4)) {
            case 0:
                if (const Variable* w = find(Kind::Long)) line(w->name + " = " + w->name + " * " + int_expr(1) + " + 1;");
                else declaration(Kind::Long);
                break;
            case 1:
                if (const Variable* u = find(Kind::Unsigned)) line(u->name + " = " + u->name + " * 2654435761u + (unsigned)" + int_expr(1) + ";");
                else declaration(Kind::Unsigned);
                break;
            case 2:
                if (const Variable* d = find(Kind::Double)) line(d->name + " = " + d->name + " * 1e10 + " + int_expr(1) + ";");
                else declaration(Kind::Double);
                break;
            case 3:
                if (const Variable* w = find(Kind::Long)) line("gw = " + w->name + " << " + small(63) + ";");
                else declaration(Kind::Long);
                break;
        }
    }

    void switch_statement(int depth) {
        if (depth >= kMaxNesting) return print_statement();
        open("switch (" + int_expr(1) + ")");
        const int cases = 1 + pick(3);
        for (int k = 0; k < cases; ++k) {
            open(k + 1 == cases && pick(2) == 0 ? "default:" : "case " + std::to_string(k) + ":");
            block(depth + 1);
            close(pick(2) == 0 ? "} break;" : "}");
        }
        close();
    }

    void function_pointer_statement() {
        const Variable* v = find(Kind::Int);
        if (callable() == 0 || !v) return print_statement();
        const std::string fp = "fp" + std::to_string(m_next_name++);
        line("int (*" + fp + ")(int, int *) = f" + std::to_string(pick(callable())) + ";");
        line(v->name + " = " + fp + "(" + int_expr(1) + ", " + int_pointer() + ");");
    }

    // --- functions ------------------------------------------------------------------------------
    void function() {
        line("");
        open("int f" + std::to_string(m_function) + "(int n, int *p)");
        m_scopes.back() = {{"n", Kind::Int}, {"p", Kind::IntPointer}};
        m_statements = kMaxStatements;
        block(0);
        line("return " + int_expr(kMaxExpressionDepth) + ";");
        close();
        ++m_functions;
    }

    void main_function() {
        m_function = -1;
        line("");
        open("int main(void)");
        m_statements = 2 * kMaxStatements;
        block(0);
        line("return 0;");
        close();
    }

    FuzzedDataProvider& m_data;
    std::string m_out;
    int m_indent = 0;
    std::vector<std::vector<Variable>> m_scopes;
    int m_next_name = 0;
    int m_statements = 0;  // left to write in the current function
    int m_function = 0;   // the function being written; -1 for main
    int m_functions = 0;  // written so far
    int m_loops = 0;      // loops around the statement being written
};

}  // namespace

std::string generate_program(FuzzedDataProvider& data) { return Generator(data).program(); }

}  // namespace memviz::fuzz

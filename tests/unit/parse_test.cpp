// The parser: expression types and the implicit conversions made explicit, declarations and
// their storage, struct layout through the TypeTable, initializers, constant folding, statements,
// and the limits that keep hostile input from overflowing the stack.
#include <doctest/doctest.h>

#include <string>

#include "lang/parse.h"

using namespace memviz;
using namespace memviz::lang;

namespace {

struct Parsed {
    Program program;
    Diagnostics diagnostics;
};

Parsed parse_text(std::string_view source, DataModel model = DataModel::LP64) {
    Parsed parsed;
    parsed.program = parse_source(source, model, parsed.diagnostics);
    return parsed;
}

Parsed parse_clean(std::string_view source, DataModel model = DataModel::LP64) {
    Parsed parsed = parse_text(source, model);
    CHECK_MESSAGE(!parsed.diagnostics.has_errors(), parsed.diagnostics.render("main.c", source));
    return parsed;
}

// The body's statements of function `name`.
const std::vector<Node*>& body_of(const Program& program, std::string_view name) {
    const Function* func = program.find_function(name);
    REQUIRE(func);
    REQUIRE(func->body);
    return func->body->stmts;
}

// The type of `expression`, evaluated in a function after `declarations`, as a C type name.
std::string type_of(std::string_view declarations, std::string_view expression, DataModel model = DataModel::LP64) {
    const std::string source = std::string(declarations) + "\nvoid probe(void) { " + std::string(expression) + "; }\n";
    static Parsed parsed;  // the Program must outlive the returned types' use: keep the last
    parsed = parse_clean(source, model);
    const auto& stmts = body_of(parsed.program, "probe");
    REQUIRE(!stmts.empty());
    REQUIRE(stmts.back()->kind == NodeKind::ExprStmt);
    return to_string(stmts.back()->lhs->type);
}

// The first statement's expression of function `probe` in `source`.
const Node* first_expression(const Parsed& parsed) {
    const auto& stmts = body_of(parsed.program, "probe");
    for (const Node* stmt : stmts)
        if (stmt->kind == NodeKind::ExprStmt) return stmt->lhs;
    FAIL("no expression statement");
    return nullptr;
}

bool has_message(const Diagnostics& diagnostics, Severity severity, std::string_view text) {
    for (const Diagnostic& d : diagnostics.all())
        if (d.severity == severity && d.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("parse: expression types follow the promotions and usual arithmetic conversions") {
    CHECK(type_of("", "'a' + 1") == "int");
    CHECK(type_of("char c;", "c + c") == "int");
    CHECK(type_of("", "1u + -1L") == "long");
    CHECK(type_of("", "1u + -1L", DataModel::ILP32) == "unsigned long");
    CHECK(type_of("", "1 + 2.0f") == "float");
    CHECK(type_of("", "1 + 2.0") == "double");
    CHECK(type_of("short s;", "-s") == "int");
    CHECK(type_of("unsigned char u;", "~u") == "int");
    CHECK(type_of("long l;", "l << 1") == "long");
    CHECK(type_of("char c;", "1 << c") == "int");
    CHECK(type_of("double d;", "d < 1") == "int");
    CHECK(type_of("int *p;", "!p") == "int");
    CHECK(type_of("", "sizeof(int)") == "unsigned long");
    CHECK(type_of("", "sizeof(int)", DataModel::ILP32) == "unsigned int");
    CHECK(type_of("int *p, *q;", "p - q") == "long");
    CHECK(type_of("int a[3];", "a") == "int [3]");
    CHECK(type_of("int a[3];", "a + 1") == "int *");
    CHECK(type_of("int a[3];", "&a") == "int (*)[3]");
    CHECK(type_of("int a[2][3];", "a[1]") == "int [3]");
    CHECK(type_of("const char *s;", "s[0]") == "const char");
    CHECK(type_of("int f(int);", "&f") == "int (*)(int)");
    CHECK(type_of("struct p { int x; double y; } v, *pp;", "pp->y") == "double");
    CHECK(type_of("int x;", "x ? 1 : 2.0") == "double");
    CHECK(type_of("int *p; int x;", "x ? p : 0") == "int *");
    CHECK(type_of("int x; long y;", "x = y") == "int");
    CHECK(type_of("char c;", "c += 1") == "char");
    CHECK(type_of("int x;", "(x, 1.0)") == "double");
    CHECK(type_of("", "(long)1") == "long");
    CHECK(type_of("", "\"abc\"") == "char [4]");
    CHECK(type_of("enum color { RED, GREEN } c;", "GREEN") == "int");
}

TEST_CASE("parse: implicit conversions are Cast nodes, decays are Decay nodes") {
    Parsed parsed = parse_clean("void probe(void) { long l; int i; l = i; }");
    const Node* assign = first_expression(parsed);
    REQUIRE(assign->kind == NodeKind::Assign);
    REQUIRE(assign->rhs->kind == NodeKind::Cast);
    CHECK(assign->rhs->implicit);
    CHECK(to_string(assign->rhs->type) == "long");
    CHECK(assign->rhs->lhs->kind == NodeKind::VarRef);

    parsed = parse_clean("void probe(void) { int a[4]; int *p; p = a; }");
    const Node* decay = first_expression(parsed)->rhs;
    CHECK(decay->kind == NodeKind::Decay);
    CHECK(to_string(decay->type) == "int *");
}

TEST_CASE("parse: subscripts, arrows and pointer arithmetic are normalized") {
    Parsed parsed = parse_clean("void probe(void) { int a[4]; int i; a[i]; }");
    const Node* e = first_expression(parsed);
    REQUIRE(e->kind == NodeKind::Deref);
    REQUIRE(e->lhs->kind == NodeKind::PtrAdd);
    CHECK(e->lhs->lhs->kind == NodeKind::Decay);
    CHECK(to_string(e->lhs->rhs->type) == "long");  // the index as ptrdiff_t

    parsed = parse_clean("void probe(void) { int a[4]; 2[a]; }");
    e = first_expression(parsed);
    REQUIRE(e->kind == NodeKind::Deref);
    CHECK(e->lhs->lhs->kind == NodeKind::Decay);  // the pointer is always lhs

    parsed = parse_clean("struct node { int v; struct node *next; };\n"
                         "void probe(void) { struct node *n = 0; n->next->v; }");
    e = first_expression(parsed);
    REQUIRE(e->kind == NodeKind::Member);
    CHECK(e->member_name == "v");
    CHECK(e->member_offset == 0);
    REQUIRE(e->lhs->kind == NodeKind::Deref);
    REQUIRE(e->lhs->lhs->kind == NodeKind::Member);
    CHECK(e->lhs->lhs->member_offset == 8);

    parsed = parse_clean("void probe(void) { int *p = 0, *q = 0; p - q; }");
    CHECK(first_expression(parsed)->kind == NodeKind::PtrDiff);
    parsed = parse_clean("void probe(void) { int *p = 0; p += 2; }");
    e = first_expression(parsed);
    CHECK(e->kind == NodeKind::CompoundAssign);
    CHECK(e->op == NodeKind::PtrAdd);
}

TEST_CASE("parse: sizeof, _Alignof, offsetof and enum constants fold to literals") {
    Parsed parsed = parse_clean(
        "#include <stddef.h>\n"
        "struct s { char c; double d; };\n"
        "enum { A, B = 5, C };\n"
        "int arr[C];\n"
        "void probe(void) { sizeof(struct s) + _Alignof(double) + offsetof(struct s, d) + sizeof arr; }\n");
    const Object* arr = parsed.program.find_global("arr");
    REQUIRE(arr);
    CHECK(arr->type->length() == 6);
    const Node* e = first_expression(parsed);
    CHECK(e->kind == NodeKind::Add);
    CHECK(e->rhs->kind == NodeKind::IntLit);
    CHECK(e->rhs->int_value == 24);  // sizeof arr: 6 ints

    parsed = parse_clean("struct s { char c; double d; };\nvoid probe(void) { sizeof(struct s); }", DataModel::ILP32);
    CHECK(first_expression(parsed)->int_value == 12);
}

TEST_CASE("parse: declarations record storage, scopes, parameters and locals in order") {
    Parsed parsed = parse_clean(
        "int g = 1;\n"
        "static int hidden;\n"
        "int f(int a, char *b) {\n"
        "    int x = a;\n"
        "    static int calls;\n"
        "    { int y = x; calls += y; }\n"
        "    return x + *b + calls;\n"
        "}\n");
    const Object* g = parsed.program.find_global("g");
    REQUIRE(g);
    CHECK(g->storage == Storage::Global);
    CHECK(g->has_init);
    const Object* hidden = parsed.program.find_global("hidden");
    REQUIRE(hidden);
    CHECK(hidden->is_static);
    const Function* f = parsed.program.find_function("f");
    REQUIRE(f);
    REQUIRE(f->params.size() == 2);
    CHECK(f->params[0]->name == "a");
    CHECK(f->params[0]->storage == Storage::Param);
    CHECK(to_string(f->params[1]->type) == "char *");
    REQUIRE(f->locals.size() == 3);
    CHECK(f->locals[0]->name == "x");
    CHECK(f->locals[1]->name == "calls");
    CHECK(f->locals[1]->storage == Storage::StaticLocal);
    CHECK(f->locals[2]->name == "y");
    CHECK(f->locals[2]->scope_begin == SourceLoc{6, 11});
    CHECK(f->locals[2]->scope_end == SourceLoc{6, 30});
    CHECK(f->locals[0]->scope_end == SourceLoc{8, 1});
    // Static locals are also globals: they live for the whole run.
    bool calls_in_globals = false;
    for (const Object* var : parsed.program.globals) calls_in_globals |= var->name == "calls";
    CHECK(calls_in_globals);
}

TEST_CASE("parse: declarators: pointers, arrays, functions, function pointers, typedefs") {
    Parsed parsed = parse_clean(
        "typedef int T;\n"
        "typedef struct node { int v; struct node *next; } Node;\n"
        "int *ptrs[3];\n"
        "int (*to_array)[3];\n"
        "int (*fp)(int, char *);\n"
        "void (*signal(int sig, void (*handler)(int)))(int);\n"
        "char matrix[2][3];\n"
        "const char *const names[] = {\"a\", \"bc\"};\n"
        "Node list;\n"
        "int main(void) { T T = 1; return T; }\n");
    auto type_of_global = [&](std::string_view name) { return to_string(parsed.program.find_global(name)->type); };
    CHECK(type_of_global("ptrs") == "int *[3]");
    CHECK(type_of_global("to_array") == "int (*)[3]");
    CHECK(type_of_global("fp") == "int (*)(int, char *)");
    CHECK(type_of_global("matrix") == "char [2][3]");
    CHECK(type_of_global("names") == "const char *const [2]");
    CHECK(type_of_global("list") == "struct node");
    const Function* signal = parsed.program.find_function("signal");
    REQUIRE(signal);
    CHECK(to_string(signal->type) == "void (*(int, void (*)(int)))(int)");
}

TEST_CASE("parse: struct layout comes from the TypeTable") {
    Parsed parsed = parse_clean(
        "struct mixed { char c; double d; short s; };\n"
        "struct outer { int a; union { char x; long y; }; struct mixed m; } o;\n"
        "void probe(void) { o.y; o.m.s; }\n");
    const Object* o = parsed.program.find_global("o");
    REQUIRE(o);
    auto y = parsed.program.types->find_member(o->type, "y");
    REQUIRE(y);
    CHECK(y->offset == 8);
    auto m = parsed.program.types->find_member(o->type, "m");
    REQUIRE(m);
    CHECK(m->offset == 16);
    CHECK(o->type->size() == 40);
    const auto& stmts = body_of(parsed.program, "probe");
    CHECK(stmts[0]->lhs->member_offset == 8);
    CHECK(stmts[1]->lhs->member_offset == 16);
}

TEST_CASE("parse: initializers flatten to offset, type, value") {
    Parsed parsed = parse_clean(
        "int a[] = {1, 2, 3};\n"
        "int b[5] = {[2] = 7, 8};\n"
        "struct p { int x, y; } q = {.y = 2};\n"
        "int m[2][2] = {1, 2, 3, 4};\n"
        "char s[] = \"hi\";\n"
        "char t[8] = \"hi\";\n"
        "struct p ps[] = {{1, 2}, [2].y = 5};\n"
        "double d = 1 / 4.0;\n"
        "int *ptr = &b[2];\n"
        "struct { int k; int v[2]; } nested = {1, 2, 3};\n");
    auto items = [&](std::string_view name) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> out;  // offset, value
        for (const InitItem& item : parsed.program.find_global(name)->init)
            out.emplace_back(item.offset, item.value->kind == NodeKind::IntLit ? item.value->int_value : 999);
        return out;
    };
    using V = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
    CHECK(to_string(parsed.program.find_global("a")->type) == "int [3]");
    CHECK(items("a") == V{{0, 1}, {4, 2}, {8, 3}});
    CHECK(items("b") == V{{8, 7}, {12, 8}});
    CHECK(items("q") == V{{4, 2}});
    CHECK(items("m") == V{{0, 1}, {4, 2}, {8, 3}, {12, 4}});
    CHECK(items("nested") == V{{0, 1}, {4, 2}, {8, 3}});
    CHECK(to_string(parsed.program.find_global("s")->type) == "char [3]");
    CHECK(parsed.program.find_global("s")->init[0].value->kind == NodeKind::StringLit);
    CHECK(to_string(parsed.program.find_global("t")->type) == "char [8]");
    CHECK(to_string(parsed.program.find_global("ps")->type) == "struct p [3]");
    CHECK(items("ps") == V{{0, 1}, {4, 2}, {20, 5}});
    const Node* d = parsed.program.find_global("d")->init[0].value;
    CHECK(d->kind == NodeKind::FloatLit);
    CHECK(d->float_value == 0.25);
    const Node* ptr = parsed.program.find_global("ptr")->init[0].value;
    CHECK(ptr->kind == NodeKind::Addr);
}

TEST_CASE("parse: local initializers keep their expressions, converted") {
    Parsed parsed = parse_clean("int f(void);\nvoid probe(void) { double x = f(); struct { int a, b; } s = {f()}; x = s.a; }");
    const Function* probe = parsed.program.find_function("probe");
    REQUIRE(probe->locals.size() == 2);
    const Object* x = probe->locals[0];
    REQUIRE(x->init.size() == 1);
    CHECK(x->init[0].value->kind == NodeKind::Cast);
    CHECK(x->init[0].value->lhs->kind == NodeKind::Call);
    CHECK(probe->body->stmts[0]->kind == NodeKind::Decl);
}

TEST_CASE("parse: constant folding follows the target's integer widths") {
    Parsed parsed = parse_clean(
        "int wrap = (unsigned char)300;\n"
        "long big = 1L << 40;\n"
        "int neg = -7 / 2;\n"
        "unsigned u = -1;\n"
        "int cmp = -1 < 1u;\n"
        "_Static_assert(sizeof(long) == 8, \"LP64\");\n");
    auto value = [&](std::string_view name) { return parsed.program.find_global(name)->init[0].value->int_value; };
    CHECK(value("wrap") == 44);
    CHECK(value("big") == (std::uint64_t{1} << 40));
    CHECK(static_cast<std::int64_t>(value("neg")) == -3);
    CHECK(value("cmp") == 0);
    CHECK(value("u") == 0xffffffffu);
}

TEST_CASE("parse: calls convert their arguments") {
    Parsed parsed = parse_clean(
        "#include <stdio.h>\n"
        "int add(long a, long b) { return a + b; }\n"
        "int apply(int (*op)(long, long), int x) { return op(x, 1); }\n"
        "int main(int argc, char **argv) { float f = 1; printf(\"%f %s\\n\", f, argv[0]); return add(argc, 2) + apply(add, 3); }\n");
    const Function* main_function = parsed.program.find_function("main");
    REQUIRE(main_function);
    const Node* call = main_function->body->stmts[1]->lhs;
    REQUIRE(call->kind == NodeKind::Call);
    CHECK(call->callee->kind == NodeKind::FuncRef);
    REQUIRE(call->args.size() == 3);
    CHECK(to_string(call->args[1]->type) == "double");  // float promoted through `...`
    const Node* ret = parsed.program.find_function("apply")->body->stmts[0];
    REQUIRE(ret->kind == NodeKind::Return);
    REQUIRE(ret->lhs->kind == NodeKind::Call);
    CHECK(ret->lhs->callee->kind == NodeKind::VarRef);  // through the pointer `op`
    CHECK(to_string(ret->lhs->args[0]->type) == "long");
}

TEST_CASE("parse: statements, loops, switch and goto targets") {
    Parsed parsed = parse_clean(
        "int f(int n) {\n"
        "    int total = 0;\n"
        "    for (int i = 0; i < n; i++) { if (i == 3) continue; total += i; }\n"
        "    while (n > 0) { n--; if (n == 1) break; }\n"
        "    do { total++; } while (total < 10);\n"
        "    switch (n) { case 0: total = 1; case 1: total++; break; default: break; }\n"
        "    if (total > 100) goto done;\n"
        "    total = -total;\n"
        "done:\n"
        "    return total;\n"
        "}\n");
    const auto& stmts = body_of(parsed.program, "f");
    REQUIRE(stmts.size() == 8);
    CHECK(stmts[1]->kind == NodeKind::For);
    CHECK(stmts[1]->init->kind == NodeKind::Block);
    CHECK(stmts[4]->kind == NodeKind::Switch);
    CHECK(stmts[4]->cases.size() == 2);
    CHECK(stmts[4]->default_case);
    CHECK(stmts[5]->then->kind == NodeKind::Goto);
    CHECK(stmts[5]->then->target == stmts[7]);
    CHECK(stmts[7]->kind == NodeKind::Label);
    const Node* while_body = stmts[2]->body;
    CHECK(while_body->stmts[1]->then->target == stmts[2]);
}

TEST_CASE("parse: recursion, mutual recursion and compound literals") {
    Parsed parsed = parse_clean(
        "int is_odd(int n);\n"
        "int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }\n"
        "int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }\n"
        "int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }\n"
        "struct pt { int x, y; };\n"
        "int probe(void) { struct pt *p = &(struct pt){1, 2}; return p->y; }\n");
    const Function* probe = parsed.program.find_function("probe");
    REQUIRE(probe);
    REQUIRE(probe->locals.size() == 2);
    CHECK(probe->locals[1]->name.empty());
    CHECK(probe->locals[1]->init.size() == 2);
}

TEST_CASE("parse: warnings courses teach") {
    Parsed parsed = parse_text(
        "int *f(void) { int x = 1; return &x; }\n"
        "int g(int a) { if (a = 0) return 1; }\n"
        "int h(unsigned u, int i) { int unused; return u < i; }\n"
        "int main(void) { return undeclared_function(1); }\n");
    CHECK(!parsed.diagnostics.has_errors());
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "function returns address of local variable"));
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "suggest parentheses around assignment used as truth value"));
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "control reaches end of non-void function"));
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "unused variable 'unused'"));
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "comparison of integer expressions of different signedness"));
    CHECK(has_message(parsed.diagnostics, Severity::Warning, "implicit declaration of function 'undeclared_function'"));
    parsed = parse_text("int g(int a) { if ((a = 0)) return 1; return 0; }");
    CHECK(parsed.diagnostics.all().empty());
}

TEST_CASE("parse: nesting limits give one error, never a stack overflow") {
    std::string deep = "int main(void) { return " + std::string(5000, '(') + "1" + std::string(5000, ')') + "; }";
    Parsed parsed = parse_text(deep);
    CHECK(has_message(parsed.diagnostics, Severity::Error, "nesting too deep"));

    std::string blocks = "int main(void) " + std::string(5000, '{') + std::string(5000, '}');
    parsed = parse_text(blocks);
    CHECK(has_message(parsed.diagnostics, Severity::Error, "nesting too deep"));

    std::string sum = "int main(void) { return 1";
    for (int i = 0; i < 3000; ++i) sum += "+1";
    sum += "; }";
    parsed = parse_text(sum);
    CHECK(has_message(parsed.diagnostics, Severity::Error, "expression too deeply nested"));

    std::string unary = "int main(void) { return " + std::string(5000, '-') + "1; }";
    parsed = parse_text(unary);
    CHECK(parsed.diagnostics.has_errors());

    std::string declarator = "int " + std::string(3000, '(') + "x" + std::string(3000, ')') + ";";
    parsed = parse_text(declarator);
    CHECK(has_message(parsed.diagnostics, Severity::Error, "nesting too deep"));
}

TEST_CASE("parse: unsupported constructs are named") {
    CHECK(has_message(parse_text("struct s { int a : 3; };").diagnostics, Severity::Error, "bit-fields are not supported"));
    CHECK(has_message(parse_text("void f(int n) { int a[n]; }").diagnostics, Severity::Error, "not supported yet: variable-length array 'a'"));
    CHECK(has_message(parse_text("_Complex double z;").diagnostics, Severity::Error, "not supported yet: '_Complex'"));
    CHECK(has_message(parse_text("int f(a, b) int a, b; { return a; }").diagnostics, Severity::Error, "not supported yet: old-style"));
    CHECK(has_message(parse_text("int f(void) { return ({ 1; }); }").diagnostics, Severity::Error, "not supported yet: statement expressions"));
    CHECK(has_message(parse_text("int f(void) { return _Generic(1, int: 2); }").diagnostics, Severity::Error, "not supported yet: '_Generic'"));
}

TEST_CASE("parse: a typical course program parses without any diagnostic") {
    constexpr std::string_view kProgram = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <assert.h>
#include <stdint.h>
#include <limits.h>
#include <ctype.h>
typedef struct node { int value; struct node *next; } node_t;
enum op { ADD, SUB, MUL };
static int apply(enum op o, int a, int b) {
    switch (o) { case ADD: return a + b; case SUB: return a - b; case MUL: return a * b; }
    return 0;
}
int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
node_t *push(node_t *head, int v) {
    node_t *n = malloc(sizeof *n);
    if (n == NULL) exit(1);
    n->value = v; n->next = head;
    return n;
}
int (*ops[3])(int, int);
int main(int argc, char **argv) {
    int grid[3][4] = {{1}, {2, 3}};
    int *row = grid[1];
    char buf[32];
    bool ok = true;
    uint8_t small = 200;
    node_t *list = NULL;
    for (int i = 0; i < 5; ++i) list = push(list, i);
    for (node_t *p = list; p; p = p->next) printf("%d ", p->value);
    qsort(row, 4, sizeof(int), cmp);
    strcpy(buf, argc > 1 ? argv[1] : "none");
    assert(strlen(buf) < sizeof buf);
    const char *s = ok ? buf : NULL;
    while (*s && isdigit((unsigned char)*s)) s++;
    long long big = LLONG_MAX;
    unsigned x = UINT_MAX;
    double avg = (double)grid[0][0] / 3;
    int idx = 0;
    do { idx++; } while (idx < 3 && grid[idx][0] != 0);
    printf("%d %lld %u %f %d %s\n", apply(MUL, 2, 3), big, x, avg, small, s);
    char *copy = strdup(buf);
    free(copy);
    int arr[] = {5, 4, 3};
    int *end = arr + sizeof arr / sizeof arr[0];
    for (int *q = arr; q < end; q++) *q *= 2;
    return ops[0] == NULL ? 0 : 1;
}
)";
    for (const DataModel model : {DataModel::LP64, DataModel::ILP32}) {
        Parsed parsed = parse_text(kProgram, model);
        CHECK_MESSAGE(parsed.diagnostics.all().empty(), parsed.diagnostics.render("main.c", kProgram));
        CHECK(parsed.program.find_function("main")->body);
    }
}

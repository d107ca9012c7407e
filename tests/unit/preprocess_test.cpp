// The preprocessor: macro expansion as C99 6.10.3 specifies it (its own examples), conditional
// compilation, the built-in headers per data model, locations, every error a student can make,
// and the limits that stop hostile input quickly.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "lang/headers.h"
#include "lang/lexer.h"
#include "lang/preprocess.h"

using namespace memviz;
using namespace memviz::lang;

namespace {

struct Run {
    std::vector<Token> tokens;
    Diagnostics diagnostics;
};

Run run(std::string_view source, DataModel model = DataModel::LP64) {
    Run result;
    result.tokens = preprocess(source, model, result.diagnostics);
    REQUIRE(!result.tokens.empty());
    REQUIRE(result.tokens.back().kind == TokenKind::EndOfFile);
    for (std::size_t i = 0; i + 1 < result.tokens.size(); ++i) REQUIRE(result.tokens[i].kind != TokenKind::EndOfFile);
    return result;
}

Run run_clean(std::string_view source, DataModel model = DataModel::LP64) {
    Run result = run(source, model);
    CHECK_MESSAGE(result.diagnostics.all().empty(), result.diagnostics.render("main.c", source));
    return result;
}

// Whitespace removed, except inside string and character literals: compares token streams
// without caring how they were spaced.
std::string squeeze(std::string_view text) {
    std::string out;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != 0) {
            out += c;
            if (c == '\\' && i + 1 < text.size()) out += text[++i];
            else if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\t') {
            out += c;
        }
    }
    return out;
}

std::string spelled(const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& token : tokens)
        if (token.kind != TokenKind::EndOfFile) out += token.text + " ";
    return out;
}

// The program's tokens, squeezed: `expected` is written as C.
void check_expands(std::string_view source, std::string_view expected, DataModel model = DataModel::LP64) {
    CAPTURE(source);
    const Run result = run_clean(source, model);
    CHECK(squeeze(spelled(result.tokens)) == squeeze(expected));
}

// The program's tokens end with `expected`: for checks after the declarations of a header.
void check_ends_with(std::string_view source, std::string_view expected, DataModel model = DataModel::LP64) {
    CAPTURE(source);
    const Run result = run_clean(source, model);
    const std::string all = squeeze(spelled(result.tokens));
    const std::string tail = squeeze(expected);
    CHECK(all.size() >= tail.size());
    CHECK(all.substr(all.size() - std::min(all.size(), tail.size())) == tail);
}

// Some diagnostic with this message is at this location, and has this severity.
void check_reports(const Run& result, Severity severity, std::string_view message, std::uint32_t line,
                   std::uint32_t column) {
    for (const Diagnostic& d : result.diagnostics.all()) {
        if (d.message != message) continue;
        CHECK(d.severity == severity);
        CHECK(d.loc == SourceLoc{line, column});
        return;
    }
    FAIL("no diagnostic '" << message << "' among:\n" << result.diagnostics.render("main.c", ""));
}

void check_preprocess_error(std::string_view source, std::string_view message, std::uint32_t line, std::uint32_t column) {
    CAPTURE(source);
    const Run result = run(source);
    CHECK(result.diagnostics.error_count() >= 1);
    check_reports(result, Severity::Error, message, line, column);
}

// Whether `#if expression` includes its group.
bool condition(const std::string& expression) {
    const Run result = run_clean("#if " + expression + "\nyes\n#else\nno\n#endif\n");
    REQUIRE(result.tokens.size() == 2);
    return result.tokens[0].text == "yes";
}

const Token* find_token(const std::vector<Token>& tokens, std::string_view text) {
    for (const Token& token : tokens)
        if (token.text == text) return &token;
    return nullptr;
}

}  // namespace

TEST_CASE("preprocess: object-like and function-like macros") {
    check_expands("#define N 10\nint a[N];", "int a[10];");
    check_expands("#define EMPTY\nint EMPTY x;", "int x;");
    check_expands("#define SQ(x) ((x) * (x))\nSQ(a + 1)", "((a + 1) * (a + 1))");
    check_expands("#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(f(1, 2), (3, 4))",
                  "((f(1, 2)) > ((3, 4)) ? (f(1, 2)) : ((3, 4)))");
    check_expands("#define F() 42\nF() F ( ) F", "42 42 F");  // a name without '(' stays a name
    check_expands("#define G(x) [x]\nG()", "[]");             // one empty argument
    check_expands("#define f (x)\nf", "(x)");                 // a space before '(' : object-like
    check_expands("#define f(x) x\nf\n(1)", "1");             // arguments may start on the next line
    check_expands("#define A B\n#define B 2\nA", "2");        // rescanned
    check_expands("#define N 1\n#undef N\nN", "N");
}

TEST_CASE("preprocess: C99 6.10.3.5 example 3, macro replacement") {
    check_expands(R"(#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
)",
                  R"(f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };)");
}

TEST_CASE("preprocess: C99 6.10.3.5 example 4, # and ##") {
    check_expands(R"(#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
)",
                  R"(printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
"vers2.h"
"hello";
"hello" ", world")");
}

TEST_CASE("preprocess: C99 6.10.3.5 examples 5 and 7, placemarkers and variable arguments") {
    check_expands(R"(#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };)",
                  "int j[] = { 123, 45, 67, 89, 10, 11, 12, };");
    check_expands(R"(#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);)",
                  R"(fprintf(stderr, "Flag" );
fprintf(stderr, "X = %d\n", x );
puts( "The first, second, and third items." );
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));)");
}

TEST_CASE("preprocess: rescanning, and recursion blocked as C99 6.10.3.4 requires") {
    check_expands("#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)", "2*9*g");
    check_expands("#define foo foo + 1\nfoo", "foo + 1");
    check_expands("#define bar(x) bar(x) + x\nbar(bar(2))", "bar(bar(2) + 2) + bar(2) + 2");
    check_expands("#define AA BB\n#define BB AA\nAA BB", "AA BB");
    check_expands("#define hash_hash # ## #\n#define mkstr(a) # a\n#define in_between(a) mkstr(a)\n"
                  "#define join(c, d) in_between(c hash_hash d)\nchar p[] = join(x, y);",
                  R"(char p[] = "x ## y";)");
}

TEST_CASE("preprocess: stringizing and pasting") {
    check_expands("#define S(x) #x\nS(  a   +  b  )", R"("a + b")");
    check_expands(R"(#define S(x) #x
S("a\n" 'b' '\'' "\\"))",
                  R"("\"a\\n\" 'b' '\\'' \"\\\\\"")");
    const Run joined = run_clean("#define S(x) #x\nS(\"a\\n\")");
    REQUIRE(joined.tokens.size() == 2);
    CHECK(joined.tokens[0].bytes == "\"a\\n\"");
    check_expands("#define CAT(a, b) a ## b\nCAT(x, 1) CAT(+, +) CAT(<<, =) CAT(1, e5) CAT(, y)", "x1 ++ <<= 1e5 y");
    check_expands("#define V(x) var_ ## x\nint V(count) = 0;", "int var_count = 0;");
    check_expands("#define AB 5\n#define CAT(a, b) a ## b\nCAT(A, B)", "5");  // a pasted name is rescanned
    check_expands("#define CALL(f, ...) f(__VA_ARGS__)\nCALL(g) CALL(g, 1, (2, 3))", "g() g(1, (2, 3))");
    check_expands("#define LOG(fmt, ...) printf(fmt, ## __VA_ARGS__)\nLOG(\"a\"); LOG(\"%d\", 1);",
                  R"(printf("a"); printf("%d", 1);)");
    check_expands("#define E(args...) g(args)\nE(1, 2)", "g(1, 2)");  // GNU named variadic parameter

    const Run bad = run("#define CAT(a, b) a ## b\nint x = CAT(1, +);");
    check_reports(bad, Severity::Error, "pasting '1' and '+' does not give a valid preprocessing token", 2, 9);
}

TEST_CASE("preprocess: tokens from a macro carry the location of its use") {
    const Run result = run_clean("#define TWICE(x) (x) + (x)\nint a =\n    TWICE(\n  b\n  );\nint c = __LINE__;");
    const std::vector<Token>& tokens = result.tokens;
    REQUIRE(squeeze(spelled(tokens)) == squeeze("int a = (b) + (b); int c = 6;"));
    for (std::size_t i = 3; i <= 9; ++i) {
        CAPTURE(tokens[i].text);
        CHECK(tokens[i].loc == SourceLoc{3, 5});
        CHECK(tokens[i].file == kMainFile);
    }
    CHECK(tokens[10].loc == SourceLoc{5, 4});  // the ';' after the call is itself
    CHECK(tokens[14].integer == 6);

    const Run file = run_clean("#define WHERE __FILE__, __LINE__\nconst char *f = __FILE__;\nWHERE");
    REQUIRE(file.tokens.size() == 11);
    CHECK(file.tokens[5].bytes == "main.c");
    CHECK(file.tokens[7].bytes == "main.c");
    CHECK(file.tokens[9].integer == 3);
}

TEST_CASE("preprocess: adjacent string literals are joined into one token") {
    const Run result = run_clean("#define NAME \"memviz\"\nchar *s = \"hello, \" NAME \"!\\n\";");
    REQUIRE(result.tokens.size() == 7);
    const Token& s = result.tokens[4];
    CHECK(s.kind == TokenKind::String);
    CHECK(s.bytes == "hello, memviz!\n");
    CHECK(s.text == "\"hello, \" \"memviz\" \"!\\n\"");
    CHECK(s.loc == SourceLoc{2, 11});
}

TEST_CASE("preprocess: every output token is decoded") {
    const Run result = run_clean("#define X 0x10\nX 'a' 2.5f \"s\"");
    REQUIRE(result.tokens.size() == 5);
    CHECK(result.tokens[0].integer == 16);
    CHECK(result.tokens[1].integer == 97);
    CHECK(result.tokens[2].floating == 2.5);
    CHECK(result.tokens[3].bytes == "s");
}

TEST_CASE("preprocess: conditional compilation") {
    check_expands("#if 1\na\n#else\nb\n#endif", "a");
    check_expands("#if 0\na\n#elif 2 > 1\nb\n#elif 1\nc\n#else\nd\n#endif", "b");
    check_expands("#if 0\na\n#elif 0\nb\n#else\nd\n#endif", "d");
    check_expands("#define X\n#ifdef X\na\n#endif\n#ifndef X\nb\n#endif\n#ifdef Y\nc\n#endif", "a");
    check_expands("#if 0\n#if 1\na\n#else\nb\n#endif\nc\n#elif 1\nd\n#endif", "d");  // nested groups are skipped whole
    // Skipped groups may hold anything C can cut, and unknown directives.
    check_expands("#if 0\nint x = 09 @ `;\n#foo bar\ndon't\n#endif\nok", "ok");
    // After a group is taken, later #elif expressions are not evaluated.
    check_expands("#if 1\na\n#elif 1/0\nb\n#endif", "a");
    check_expands("#define V 2\n#if V == 1\none\n#elif V == 2\ntwo\n#endif", "two");
    check_expands("# \n#pragma once\n#pragma whatever you like\nx _Pragma(\"omp parallel\") y", "x y");
}

TEST_CASE("preprocess: #if expressions") {
    CHECK(condition("1 + 2 * 3 == 7"));
    CHECK(condition("(1 + 2) * 3 == 9"));
    CHECK(condition("10 / 3 == 3 && 10 % 3 == 1"));
    CHECK(condition("-7 / 2 == -3 && -7 % 2 == -1"));
    CHECK(condition("-1 < 0"));
    CHECK(!condition("-1 < 0u"));  // unsigned comparison: -1 becomes UINTMAX_MAX
    CHECK(condition("~0u == 0xffffffffffffffff"));  // in #if every unsigned is 64 bits
    CHECK(condition("0x7fffffffffffffff + 1 < 0"));  // wraps, no crash
    CHECK(condition("1 << 62 > 0 && (1 << 63) < 0 && (-8 >> 1) == -4"));
    CHECK(condition("(5 & 3) == 1 && (5 | 3) == 7 && (5 ^ 3) == 6 && ~5 == -6"));
    CHECK(condition("!0 && !!7 == 1 && - -3 == 3 && +4 == 4"));
    CHECK(condition("3 > 2 > 1 == 0"));
    CHECK(condition("1 ? 2 : 3") );
    CHECK(condition("(0 ? 1 : 2) == 2"));
    CHECK(condition("(1, 2) == 2"));
    CHECK(condition("0 || 2"));
    CHECK(!condition("0 && 1"));
    CHECK(condition("1 || 1 / 0"));  // not evaluated, so no error
    CHECK(!condition("0 && 1 / 0"));
    CHECK(condition("1 ? 1 : 1 / 0"));
    CHECK(condition("'a' == 97 && '\\n' == 10 && '\\377' < 0"));
}

TEST_CASE("preprocess: defined, and undefined identifiers are 0") {
    CHECK(condition("!defined X && !defined(X) && defined __STDC__ && defined ( __memviz__ )"));
    CHECK(condition("UNDEFINED == 0"));
    CHECK(condition("true == 0"));  // without <stdbool.h>, true is just an identifier
    check_expands("#include <stdbool.h>\n#if true && !false\ny\n#endif", "y");
    check_expands("#define D defined(X)\n#define X\n#if D\ny\n#endif", "y");
    check_expands("#define ZERO 0\n#if ZERO\na\n#elif !ZERO\nb\n#endif", "b");
}

TEST_CASE("preprocess: errors in directives, with line and column") {
    check_preprocess_error("int x;\n#if 1\nint y;\n", "unterminated #if", 2, 2);
    check_preprocess_error("#ifdef X\n#else\n", "unterminated #ifdef", 1, 2);
    check_preprocess_error("#else\n", "#else without #if", 1, 2);
    check_preprocess_error("int x;\n  #endif\n", "#endif without #if", 2, 4);
    check_preprocess_error("#elif 1\n", "#elif without #if", 1, 2);
    check_preprocess_error("#if 1\n#else\n#elif 1\n#endif\n", "#elif after #else", 3, 2);
    check_preprocess_error("#if 0\n#else\n#else\n#endif\n", "#else after #else", 3, 2);
    check_preprocess_error("#incldue <stdio.h>\n", "invalid preprocessing directive #incldue", 1, 2);
    check_preprocess_error("#if\n#endif\n", "#if with no expression", 1, 2);
    check_preprocess_error("#if 1 +\n#endif\n", "#if expression ends too early", 1, 2);
    check_preprocess_error("#if (1\n#endif\n", "missing ')' in #if expression", 1, 5);
    check_preprocess_error("#if 1 2\n#endif\n", "missing binary operator before token '2'", 1, 7);
    check_preprocess_error("#if x = 1\n#endif\n", "token '=' is not valid in preprocessor expressions", 1, 7);
    check_preprocess_error("#if 1 ? 2\n#endif\n", "'?' without following ':'", 1, 2);
    check_preprocess_error("#if 1.5\n#endif\n", "floating constant in preprocessor expression", 1, 5);
    check_preprocess_error("#if \"s\"\n#endif\n", "token '\"s\"' is not valid in preprocessor expressions", 1, 5);
    check_preprocess_error("#if 4 / (2 - 2)\n#endif\n", "division by zero in #if", 1, 7);
    check_preprocess_error("#if 1 % 0\n#endif\n", "division by zero in #if", 1, 7);
    check_preprocess_error("#if defined\n#endif\n", "operator 'defined' requires an identifier", 1, 5);
    check_preprocess_error("#if defined(X\n#endif\n", "missing ')' after 'defined'", 1, 13);
    check_preprocess_error("#ifdef\n#endif\n", "no macro name given in #ifdef directive", 1, 2);
    check_preprocess_error("#ifndef 3\n#endif\n", "macro names must be identifiers", 1, 9);
    check_preprocess_error("#error stop: \"x\" is  wrong\n", "stop: \"x\" is wrong", 1, 2);
    check_preprocess_error("#include\n", "#include expects \"FILENAME\" or <FILENAME>", 1, 2);
    check_preprocess_error("#include <stdio.h\n", "missing terminating '>' character in #include", 1, 10);

    // The group of an #if whose expression is wrong is skipped.
    const Run skipped = run("#if 1 +\nint x;\n#endif\nint y;");
    CHECK(squeeze(spelled(skipped.tokens)) == "inty;");

    const Run warned = run("#warning careful\n#line 10\n#endif x\n");
    check_reports(warned, Severity::Warning, "careful", 1, 2);
    check_reports(warned, Severity::Warning, "memviz ignores #line: locations always refer to the program as written", 2, 2);
}

TEST_CASE("preprocess: errors in macro definitions and calls") {
    check_preprocess_error("#define\n", "no macro name given in #define directive", 1, 2);
    check_preprocess_error("#define 3 x\n", "macro names must be identifiers", 1, 9);
    check_preprocess_error("#define defined 1\n", "'defined' cannot be used as a macro name", 1, 9);
    check_preprocess_error("#define S(x) #y\n", "'#' is not followed by a macro parameter", 1, 14);
    check_preprocess_error("#define P(x) ## x\n", "'##' cannot appear at either end of a macro expansion", 1, 14);
    check_preprocess_error("#define P(x) x ##\n", "'##' cannot appear at either end of a macro expansion", 1, 16);
    check_preprocess_error("#define F(a, a) a\n", "duplicate macro parameter 'a'", 1, 14);
    check_preprocess_error("#define F(a b) a\n", "expected ',' or ')' in macro parameter list, found 'b'", 1, 13);
    check_preprocess_error("#define F(1) a\n", "expected parameter name, found '1'", 1, 11);
    check_preprocess_error("#define F(a\n", "missing ')' in macro parameter list", 1, 10);
    check_preprocess_error("#define F(..., a) a\n", "missing ')' after '...' in macro parameter list", 1, 14);
    check_preprocess_error("#define F(a) __VA_ARGS__\n", "__VA_ARGS__ can only appear in the expansion of a variadic macro", 1, 14);
    check_preprocess_error("#undef\n", "no macro name given in #undef directive", 1, 2);

    check_preprocess_error("#define ADD(a, b) a + b\nint x =\n  ADD(1);", "macro 'ADD' requires 2 arguments, but only 1 given", 3, 3);
    check_preprocess_error("#define ADD(a, b) a + b\nADD(1, 2, 3)", "macro 'ADD' passed 3 arguments, but takes just 2", 2, 1);
    check_preprocess_error("#define ONE(a) a\nONE(1, 2)", "macro 'ONE' passed 2 arguments, but takes just 1", 2, 1);
    check_preprocess_error("#define V(a, b, ...) a\nV(1)", "macro 'V' requires at least 2 arguments, but only 1 given", 2, 1);
    check_preprocess_error("#define F(a) a\nint x = F(1,\n(2);\n", "unterminated argument list invoking macro 'F'", 2, 9);
    check_preprocess_error("#define F(a) a\nF(1\n#define G\n)", "a directive inside the arguments of macro 'F' is not supported", 2, 1);

    // Redefinition: a different body warns (at the new definition), the same body does not.
    const Run redefined = run("#define N 1\n#define N 1\n#define N  1\n#define N 2\n");
    REQUIRE(redefined.diagnostics.all().size() == 1);
    check_reports(redefined, Severity::Warning, "'N' redefined", 4, 9);
}

TEST_CASE("preprocess: a '#' made by a macro never starts a directive") {
    check_expands("#define H #\n#define E\nE H define X 1\nX", "# define X 1 X");
}

TEST_CASE("preprocess: #include of a header memviz does not provide") {
    const std::string supported = "<assert.h>, <ctype.h>, <errno.h>, <inttypes.h>, <limits.h>, <math.h>, "
                                  "<stdbool.h>, <stddef.h>, <stdint.h>, <stdio.h>, <stdlib.h>, <string.h>";
    CHECK(supported_headers() == supported);
    check_preprocess_error("int a;\n#include <unistd.h>\n", "memviz does not provide <unistd.h>; supported headers are " + supported, 2, 10);
    check_preprocess_error("#include \"list.h\"\n",
                "memviz does not provide \"list.h\" (a memviz program is a single file); supported headers are " + supported,
                1, 10);
}

TEST_CASE("preprocess: headers define the right things for each data model") {
    const char* program = R"(#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <inttypes.h>
size_t s = SIZE_MAX; long l = LONG_MAX; unsigned long ul = ULONG_MAX; int i = INT_MAX;
int64_t big = INT64_MAX; intptr_t p = INTPTR_MAX; ptrdiff_t d = PTRDIFF_MAX;
const char *f = PRId64 PRIuPTR PRIx32;
)";
    const Run lp64 = run_clean(program, DataModel::LP64);
    const Run ilp32 = run_clean(program, DataModel::ILP32);
    const std::string lp64_text = squeeze(spelled(lp64.tokens));
    const std::string ilp32_text = squeeze(spelled(ilp32.tokens));

    CHECK(lp64_text.find("typedefunsignedlongsize_t;") != std::string::npos);
    CHECK(ilp32_text.find("typedefunsignedintsize_t;") != std::string::npos);
    CHECK(lp64_text.find("typedeflongptrdiff_t;") != std::string::npos);
    CHECK(ilp32_text.find("typedefintptrdiff_t;") != std::string::npos);
    CHECK(lp64_text.find("typedeflongint64_t;") != std::string::npos);
    CHECK(ilp32_text.find("typedeflonglongint64_t;") != std::string::npos);
    CHECK(lp64_text.find("typedeflongintptr_t;") != std::string::npos);
    CHECK(ilp32_text.find("typedefintintptr_t;") != std::string::npos);

    CHECK(lp64_text.find("size_ts=18446744073709551615UL;longl=9223372036854775807L;unsignedlongul=18446744073709551615UL;"
                         "inti=2147483647;") != std::string::npos);
    CHECK(ilp32_text.find("size_ts=4294967295U;longl=2147483647L;unsignedlongul=4294967295UL;inti=2147483647;") !=
          std::string::npos);
    CHECK(lp64_text.find("int64_tbig=9223372036854775807L;intptr_tp=9223372036854775807L;ptrdiff_td=9223372036854775807L;") !=
          std::string::npos);
    CHECK(ilp32_text.find("int64_tbig=9223372036854775807LL;intptr_tp=2147483647;ptrdiff_td=2147483647;") !=
          std::string::npos);
    CHECK(find_token(lp64.tokens, "\"ld\" \"lu\" \"x\"")->bytes == "ldlux");
    CHECK(find_token(ilp32.tokens, "\"lld\" \"u\" \"x\"")->bytes == "lldux");
}

TEST_CASE("preprocess: limits.h, stdlib.h, stdio.h and friends") {
    check_ends_with("#include <limits.h>\nCHAR_BIT SCHAR_MIN SCHAR_MAX UCHAR_MAX CHAR_MIN CHAR_MAX SHRT_MIN SHRT_MAX "
                  "USHRT_MAX INT_MIN UINT_MAX LLONG_MAX LLONG_MIN ULLONG_MAX",
                  "8 (-128) 127 255 (-128) 127 (-32768) 32767 65535 (-2147483647 - 1) 4294967295U "
                  "9223372036854775807LL (-9223372036854775807LL - 1LL) 18446744073709551615ULL");
    check_ends_with("#include <limits.h>\nLONG_MIN", "(-2147483647L - 1L)", DataModel::ILP32);
    check_ends_with("#include <stdlib.h>\nRAND_MAX EXIT_SUCCESS EXIT_FAILURE NULL", "2147483647 0 1 ((void *)0)");
    check_ends_with("#include <errno.h>\nENOMEM EINVAL ERANGE EDOM", "12 22 34 33");
    check_ends_with("#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\nEOF NULL offsetof(struct s, m)",
                  "(-1) ((void *)0) __builtin_offsetof(struct s, m)");

    const Run stdio = run_clean("#include <stdio.h>\n#include <stdio.h>\n#include \"stdio.h\"\n");
    const std::string text = squeeze(spelled(stdio.tokens));
    CHECK(text.find("typedefstruct_memviz_FILEFILE;") != std::string::npos);
    CHECK(text.find("externFILE*stdin,*stdout,*stderr;") != std::string::npos);
    CHECK(text.find("intprintf(constchar*format,...);") != std::string::npos);
    CHECK(text.find("intprintf(") == text.rfind("intprintf("));  // each header is included once
    for (const char* name : {"fprintf", "sprintf", "snprintf", "puts", "putchar", "fputs", "getchar", "fgets", "scanf"})
        CHECK_MESSAGE(find_token(stdio.tokens, name) != nullptr, name);

    const Run all = run_clean("#include <stdlib.h>\n#include <string.h>\n#include <ctype.h>\n#include <math.h>\n");
    for (const char* name : {"malloc", "calloc", "realloc", "free", "exit", "abort", "atoi", "atol", "strtol", "abs",
                             "labs", "rand", "srand", "qsort", "bsearch", "strlen", "strcpy", "strncpy", "strcat",
                             "strncat", "strcmp", "strncmp", "strchr", "strrchr", "strstr", "strdup", "memcpy",
                             "memmove", "memset", "memcmp", "isalpha", "isdigit", "isalnum", "isspace", "isupper",
                             "islower", "isxdigit", "ispunct", "isprint", "toupper", "tolower", "sqrt", "pow",
                             "fabs", "floor", "ceil", "fmod"})
        CHECK_MESSAGE(find_token(all.tokens, name) != nullptr, name);
    // A header's own declarations keep its file id, for the parser's messages.
    const Token* malloc_name = find_token(all.tokens, "malloc");
    REQUIRE(malloc_name != nullptr);
    CHECK(file_name(malloc_name->file) == "stdlib.h");
    CHECK(find_header("stdlib.h", DataModel::LP64)->file == malloc_name->file);
}

TEST_CASE("preprocess: every header preprocesses cleanly on its own, in both data models") {
    for (DataModel model : {DataModel::LP64, DataModel::ILP32}) {
        CHECK(all_headers(model).size() == kHeaderCount);
        for (const HeaderText& header : all_headers(model)) {
            CAPTURE(header.name);
            CHECK(find_header(header.name, model) == &header);
            run_clean("#include <" + std::string(header.name) + ">\nint main(void) { return 0; }\n", model);
        }
    }
    CHECK(find_header("stdio", DataModel::LP64) == nullptr);
    CHECK(file_name(kMainFile) == "main.c");
}

TEST_CASE("preprocess: assert, with and without NDEBUG") {
    check_expands("#include <assert.h>\nassert(p != 0);",
                  "void __memviz_assert_fail(const char *expr, const char *file, int line);\n"
                  "((p != 0) ? (void)0 : __memviz_assert_fail(\"p != 0\", \"main.c\", 2));");
    // assert.h may be included again to change its mind, as C allows.
    check_expands("#define NDEBUG\n#include <assert.h>\nassert(x);\n#undef NDEBUG\n#include <assert.h>\nassert(y);",
                  "((void)0);\nvoid __memviz_assert_fail(const char *expr, const char *file, int line);\n"
                  "((y) ? (void)0 : __memviz_assert_fail(\"y\", \"main.c\", 6));");
}

TEST_CASE("preprocess: predefined macros per data model") {
    check_expands("__STDC__ __STDC_VERSION__ __memviz__ __LINE__ __FILE__", "1 199901L 1 1 \"main.c\"");
    check_expands("#if defined(__x86_64__) && defined(__LP64__) && !defined(__i386__) && !defined(__ILP32__)\nlp64\n#endif",
                  "lp64", DataModel::LP64);
    check_expands("#if defined(__i386__) && defined(__ILP32__) && !defined(__x86_64__) && !defined(__LP64__)\nilp32\n#endif",
                  "ilp32", DataModel::ILP32);
    check_expands("__SIZEOF_POINTER__ __SIZEOF_LONG__", "8 8", DataModel::LP64);
    check_expands("__SIZEOF_POINTER__ __SIZEOF_LONG__", "4 4", DataModel::ILP32);
}

TEST_CASE("preprocess: a problem inside a header is reported at the program's #include") {
    const Run result = run("#define NULL 0\n#include <stdlib.h>\n");
    REQUIRE(result.diagnostics.all().size() == 1);
    const Diagnostic& d = result.diagnostics.all()[0];
    CHECK(d.severity == Severity::Warning);
    CHECK(d.message.starts_with("'NULL' redefined (in <stdlib.h> line "));
    CHECK(d.loc == SourceLoc{2, 10});
}

TEST_CASE("preprocess: #include of a macro naming a header") {
    check_expands("#define HEADER <stdbool.h>\n#include HEADER\nbool", "_Bool");
}

TEST_CASE("preprocess: limits stop hostile input with one error, quickly") {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();

    SUBCASE("an exponential object-like macro") {
        std::string source = "#define a0 x\n";
        for (int i = 1; i <= 40; ++i)
            source += "#define a" + std::to_string(i) + " a" + std::to_string(i - 1) + " a" + std::to_string(i - 1) + "\n";
        source += "int v = a40;\n";
        const Run result = run(source);
        CHECK(result.diagnostics.error_count() == 1);
        check_reports(result, Severity::Error,
                      "macro expansion stopped after 1000000 tokens; does a macro expand into itself more than once?", 42, 9);
        CHECK(result.tokens.size() <= kMaxExpandedTokens + 10);
    }
    SUBCASE("an exponential function-like macro") {
        std::string source = "#define f(x) x x\nint v = ";
        for (int i = 0; i < 40; ++i) source += "f(";
        source += "1" + std::string(40, ')') + ";\n";
        const Run result = run(source);
        CHECK(result.diagnostics.error_count() == 1);
        check_reports(result, Severity::Error,
                      "macro expansion stopped after 1000000 tokens; does a macro expand into itself more than once?", 2, 9);
    }
    SUBCASE("calls nested in arguments") {
        std::string source = "#define f(x) x\nint v = ";
        for (int i = 0; i < 1000; ++i) source += "f(";
        source += "1" + std::string(1000, ')') + ";\n";
        const Run result = run(source);
        CHECK(result.diagnostics.error_count() == 1);
        check_reports(result, Severity::Error, "macro calls nested too deeply in arguments (more than 200 levels)", 2, 9);
    }
    SUBCASE("#if nesting") {
        std::string source;
        for (int i = 0; i < 1000; ++i) source += "#if 1\n";
        for (int i = 0; i < 1000; ++i) source += "#endif\n";
        const Run result = run(source);
        CHECK(result.diagnostics.error_count() == 1);
        check_reports(result, Severity::Error, "#if nesting is too deep (more than 256 levels)", kMaxIfDepth + 1, 2);
    }
    SUBCASE("#if expression nesting") {
        const Run parens = run("#if " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n#endif\n");
        check_reports(parens, Severity::Error, "#if expression is nested too deeply", 1, 4 + 256);  // the 256th '('

        std::string minus;
        for (int i = 0; i < 5000; ++i) minus += "- ";
        const Run unary = run("#if " + minus + "1\n#endif\n");
        check_reports(unary, Severity::Error, "#if expression is nested too deeply", 1, 5 + 2 * 255);  // the 256th '-'

    }
    SUBCASE("a long chain of macros") {
        std::string source;
        for (int i = 0; i < 4000; ++i) source += "#define m" + std::to_string(i) + " m" + std::to_string(i + 1) + " +\n";
        const Run result = run(source + "m0\n");
        check_reports(result, Severity::Error, "macro expansion is too complex: too many macros expand inside one another",
                      4001, 1);
    }
    SUBCASE("thousands of errors") {
        std::string source;
        for (int i = 0; i < 5000; ++i) source += "#bogus\n";
        const Run result = run(source);
        CHECK(result.diagnostics.error_count() == Diagnostics::kMaxErrors);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    CHECK_MESSAGE(seconds < 20.0, "took " << seconds << " s");
}

TEST_CASE("preprocess: random input never crashes or hangs") {
    // Fragments that exercise directives and expansion, glued at random.
    const std::vector<std::string> pieces = {
        "#define ", "#undef ", "#if ", "#ifdef ", "#elif ", "#else", "#endif", "#include <stdio.h>", "#include ",
        "#error x", "\n", " ", "f", "g", "x", "(", ")", ",", "#", "##", "...", "__VA_ARGS__", "defined", "1", "0",
        "/", "'a'", "\"s\"", "?", ":", "@", "\\\n", "/*", "*/", "f(x) x x", "g(a, ...) #a a ## __VA_ARGS__"};
    std::uint32_t seed = 2024;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (int round = 0; round < 2000; ++round) {
        std::string source;
        const std::uint32_t length = next() % 120;
        for (std::uint32_t i = 0; i < length; ++i) source += pieces[next() % pieces.size()];
        CAPTURE(source);
        for (DataModel model : {DataModel::LP64, DataModel::ILP32}) run(source, model);
    }
}

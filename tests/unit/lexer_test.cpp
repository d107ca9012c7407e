// The lexer: tokens, their locations, literal values and types, and every diagnostic a student
// can trigger, with its message, line and column.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lang/lexer.h"

using namespace memviz;
using namespace memviz::lang;

namespace {

std::vector<Token> lex(std::string_view source, Diagnostics& diagnostics) {
    std::vector<Token> tokens = tokenize(source, 0, diagnostics);
    REQUIRE(!tokens.empty());
    REQUIRE(tokens.back().kind == TokenKind::EndOfFile);
    return tokens;
}

// Lexes source that must produce no diagnostics at all.
std::vector<Token> lex_clean(std::string_view source) {
    Diagnostics diagnostics;
    std::vector<Token> tokens = lex(source, diagnostics);
    CHECK_MESSAGE(diagnostics.all().empty(), diagnostics.render("main.c", source));
    return tokens;
}

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& token : tokens)
        if (token.kind != TokenKind::EndOfFile) out.push_back(token.text);
    return out;
}

// The only token of `source` (besides the end of file).
Token one(std::string_view source, Diagnostics& diagnostics) {
    std::vector<Token> tokens = lex(source, diagnostics);
    REQUIRE(tokens.size() == 2);
    return tokens[0];
}

Token one_clean(std::string_view source) {
    Diagnostics diagnostics;
    Token token = one(source, diagnostics);
    CHECK_MESSAGE(diagnostics.all().empty(), diagnostics.render("main.c", source));
    return token;
}

// Exactly one diagnostic, with this severity, message and location.
void check_single(const Diagnostics& diagnostics, Severity severity, std::string_view message, std::uint32_t line,
                  std::uint32_t column) {
    REQUIRE_MESSAGE(diagnostics.all().size() == 1, diagnostics.render("main.c", ""));
    const Diagnostic& d = diagnostics.all()[0];
    CHECK(d.severity == severity);
    CHECK(d.message == message);
    CHECK(d.loc.line == line);
    CHECK(d.loc.column == column);
}

void check_lex_error(std::string_view source, std::string_view message, std::uint32_t line, std::uint32_t column) {
    Diagnostics diagnostics;
    lex(source, diagnostics);
    CAPTURE(source);
    check_single(diagnostics, Severity::Error, message, line, column);
}

}  // namespace

TEST_CASE("lexer: identifiers, keywords and punctuators, longest match first") {
    CHECK(texts(lex_clean("a+++++b")) == std::vector<std::string>{"a", "++", "++", "+", "b"});
    CHECK(texts(lex_clean("x>>=1;y<<=2")) == std::vector<std::string>{"x", ">>=", "1", ";", "y", "<<=", "2"});
    CHECK(texts(lex_clean("p->q ... .. ## # %")) ==
          std::vector<std::string>{"p", "->", "q", "...", ".", ".", "##", "#", "%"});
    CHECK(texts(lex_clean("a&&b||!c!=d==e<=f>=g")) ==
          std::vector<std::string>{"a", "&&", "b", "||", "!", "c", "!=", "d", "==", "e", "<=", "f", ">=", "g"});
    CHECK(texts(lex_clean("_x1 x_2 __y")) == std::vector<std::string>{"_x1", "x_2", "__y"});

    const std::vector<Token> tokens = lex_clean("int x = (y);");
    CHECK(tokens[0].kind == TokenKind::Identifier);
    CHECK(tokens[3].kind == TokenKind::Punctuator);
    CHECK(tokens[3].is("("));
    CHECK(!tokens[1].is("("));

    CHECK(is_keyword("int"));
    CHECK(is_keyword("restrict"));
    CHECK(is_keyword("_Bool"));
    CHECK(is_keyword("_Static_assert"));
    CHECK(!is_keyword("bool"));
    CHECK(!is_keyword("main"));
    CHECK(!is_keyword("Int"));
}

TEST_CASE("lexer: locations are 1-based lines and byte columns, through comments and splices") {
    const std::vector<Token> tokens = lex_clean("int x;\n\tfoo /* c\nc */ bar // rest\n  baz");
    REQUIRE(tokens.size() == 7);
    CHECK(tokens[0].loc == SourceLoc{1, 1});
    CHECK(tokens[1].loc == SourceLoc{1, 5});
    CHECK(tokens[2].loc == SourceLoc{1, 6});
    CHECK(tokens[3].loc == SourceLoc{2, 2});  // a tab is one column
    CHECK(tokens[4].loc == SourceLoc{3, 6});
    CHECK(tokens[5].loc == SourceLoc{4, 3});
    CHECK(tokens[6].kind == TokenKind::EndOfFile);
    CHECK(tokens[6].loc == SourceLoc{4, 6});

    CHECK(tokens[0].at_line_start);
    CHECK(!tokens[0].space_before);
    CHECK(!tokens[1].at_line_start);
    CHECK(tokens[1].space_before);
    CHECK(!tokens[2].space_before);
    CHECK(tokens[3].at_line_start);
    CHECK(!tokens[4].at_line_start);  // after a comment that spans lines: still inside line 2's text
    CHECK(tokens[4].space_before);
    CHECK(tokens[5].at_line_start);
}

TEST_CASE("lexer: a line splice joins lines and keeps later locations true") {
    const std::vector<Token> tokens = lex_clean("in\\\nt x;\nchar *s = \"ab\\\ncd\"; y");
    REQUIRE(texts(tokens) == std::vector<std::string>{"int", "x", ";", "char", "*", "s", "=", "\"abcd\"", ";", "y"});
    CHECK(tokens[0].loc == SourceLoc{1, 1});
    CHECK(tokens[1].loc == SourceLoc{2, 3});
    CHECK(tokens[3].loc == SourceLoc{3, 1});
    CHECK(tokens[7].bytes == "abcd");
    CHECK(tokens[9].loc == SourceLoc{4, 6});
}

TEST_CASE("lexer: CRLF line ends read like LF") {
    const std::vector<Token> tokens = lex_clean("a\r\n  b\r\n#define X \\\r\n 1\r\n");
    REQUIRE(texts(tokens) == std::vector<std::string>{"a", "b", "#", "define", "X", "1"});
    CHECK(tokens[1].loc == SourceLoc{2, 3});
    CHECK(tokens[1].at_line_start);
    CHECK(tokens[5].loc == SourceLoc{4, 2});
    CHECK(!tokens[5].at_line_start);  // spliced onto the #define line
}

TEST_CASE("lexer: integer constants, their values and suffixes") {
    struct Case {
        const char* text;
        std::uint64_t value;
        bool is_unsigned;
        int longs;
    };
    const Case cases[] = {
        {"0", 0, false, 0},
        {"42", 42, false, 0},
        {"0x2a", 42, false, 0},
        {"0X2A", 42, false, 0},
        {"052", 42, false, 0},
        {"42u", 42, true, 0},
        {"42U", 42, true, 0},
        {"42l", 42, false, 1},
        {"42L", 42, false, 1},
        {"42ul", 42, true, 1},
        {"42LU", 42, true, 1},
        {"42ll", 42, false, 2},
        {"42LL", 42, false, 2},
        {"42ULL", 42, true, 2},
        {"42llu", 42, true, 2},
        {"2147483648", 2147483648u, false, 0},
        {"0xffffffffffffffff", 0xffffffffffffffffu, false, 0},
        {"18446744073709551615u", 18446744073709551615u, true, 0},
        {"01777777777777777777777", 0xffffffffffffffffu, false, 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Token token = one_clean(c.text);
        CHECK(token.kind == TokenKind::Integer);
        CHECK(token.text == c.text);
        CHECK(token.integer == c.value);
        CHECK(token.is_unsigned == c.is_unsigned);
        CHECK(token.longs == c.longs);
    }
}

TEST_CASE("lexer: the type of an integer constant depends on its value, form and data model") {
    auto type_of = [](const char* text, unsigned long_bytes) { return literal_type(one_clean(text), long_bytes); };
    const IntegerType int_type{false, 0}, uint_type{true, 0}, long_type{false, 1}, ulong_type{true, 1};
    const IntegerType llong_type{false, 2}, ullong_type{true, 2};

    CHECK(type_of("2147483647", 8) == int_type);
    CHECK(type_of("2147483648", 8) == long_type);   // decimal: never unsigned without u
    CHECK(type_of("2147483648", 4) == llong_type);  // ILP32: long is 32 bits
    CHECK(type_of("0x80000000", 8) == uint_type);   // hex: unsigned int fits first
    CHECK(type_of("0x80000000", 4) == uint_type);
    CHECK(type_of("4294967295u", 4) == uint_type);
    CHECK(type_of("4294967296u", 8) == ulong_type);
    CHECK(type_of("4294967296u", 4) == ullong_type);
    CHECK(type_of("1L", 8) == long_type);
    CHECK(type_of("0xffffffffffffffffL", 8) == ulong_type);
    CHECK(type_of("0xffffffffffffffff", 4) == ullong_type);
    CHECK(type_of("1ULL", 8) == ullong_type);
    CHECK(type_of("'a'", 8) == int_type);

    Diagnostics diagnostics;
    const Token huge = one("9223372036854775808", diagnostics);
    check_single(diagnostics, Severity::Warning, "integer constant is so large that it is unsigned", 1, 1);
    CHECK(literal_type(huge, 8) == ullong_type);
}

TEST_CASE("lexer: bad integer constants are errors at the constant") {
    check_lex_error("int a = 09;", "invalid digit '9' in octal constant", 1, 9);
    check_lex_error("x = 0778;", "invalid digit '8' in octal constant", 1, 5);
    check_lex_error("\n  1abc", "invalid suffix 'abc' on integer constant", 2, 3);
    check_lex_error("1lul", "invalid suffix 'lul' on integer constant", 1, 1);
    check_lex_error("1lL", "invalid suffix 'lL' on integer constant", 1, 1);
    check_lex_error("1uu", "invalid suffix 'uu' on integer constant", 1, 1);
    check_lex_error("0x", "hexadecimal constant '0x' has no digits after '0x'", 1, 1);
    check_lex_error("0xg", "hexadecimal constant '0xg' has no digits after '0x'", 1, 1);
    check_lex_error("a = 18446744073709551616;", "integer constant is too large for its type", 1, 5);
    check_lex_error("0x10000000000000000", "integer constant is too large for its type", 1, 1);
    check_lex_error("0b101", "binary constants like '0b101' are not part of C99", 1, 1);
}

TEST_CASE("lexer: floating constants") {
    CHECK(one_clean("1.5").floating == 1.5);
    CHECK(one_clean("1.5").kind == TokenKind::Floating);
    CHECK(one_clean("1e3").floating == 1000.0);
    CHECK(one_clean("1E-2").floating == 0.01);
    CHECK(one_clean("2.").floating == 2.0);
    CHECK(one_clean("08.5").floating == 8.5);  // looks octal, is decimal
    CHECK(one_clean("0x1p3").floating == 8.0);
    CHECK(one_clean("0x1.8p1").floating == 3.0);
    CHECK(one_clean("0X.8P0").floating == 0.5);

    const Token f = one_clean(".5f");
    CHECK(f.floating == 0.5);
    CHECK(f.is_float);
    CHECK(f.longs == 0);
    const Token rounded = one_clean("0.1f");
    CHECK(rounded.floating == static_cast<double>(0.1f));
    const Token l = one_clean("2.5L");
    CHECK(l.floating == 2.5);
    CHECK(!l.is_float);
    CHECK(l.longs == 1);

    check_lex_error("0x1.8", "hexadecimal floating constant '0x1.8' requires an exponent ('p')", 1, 1);
    check_lex_error("y = 1.0x;", "invalid suffix 'x' on floating constant", 1, 5);
    check_lex_error("1.5ff", "invalid suffix 'ff' on floating constant", 1, 1);
    check_lex_error("1e+", "exponent has no digits in '1e+'", 1, 1);

    Diagnostics diagnostics;
    one("1e999", diagnostics);
    check_single(diagnostics, Severity::Warning, "floating constant exceeds range of 'double'", 1, 1);
}

TEST_CASE("lexer: character constants are ints, plain char signed") {
    struct Case {
        const char* text;
        std::int64_t value;
    };
    const Case cases[] = {
        {"'a'", 97},   {"'0'", 48},     {"' '", 32},     {"'\\n'", 10},   {"'\\t'", 9},    {"'\\\\'", 92},
        {"'\\''", 39}, {"'\"'", 34},    {"'\\\"'", 34},  {"'\\?'", 63},   {"'\\a'", 7},    {"'\\b'", 8},
        {"'\\f'", 12}, {"'\\r'", 13},   {"'\\v'", 11},   {"'\\0'", 0},    {"'\\101'", 65}, {"'\\x41'", 65},
        {"'\\x7f'", 127}, {"'\\377'", -1}, {"'\\x80'", -128},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Token token = one_clean(c.text);
        CHECK(token.kind == TokenKind::Character);
        CHECK(static_cast<std::int64_t>(token.integer) == c.value);
        CHECK(!token.is_unsigned);
    }

    Diagnostics diagnostics;
    const Token multi = one("'ab'", diagnostics);
    check_single(diagnostics, Severity::Warning, "multi-character character constant", 1, 1);
    CHECK(multi.integer == 0x6162);
}

TEST_CASE("lexer: bad character constants") {
    check_lex_error("char c = '';", "empty character constant", 1, 10);
    check_lex_error("char c = 'a;\nint x;", "unterminated character constant (missing closing ')", 1, 10);
    check_lex_error("'\\x'", "\\x used with no following hex digits", 1, 1);
    check_lex_error("'\\x100'", "hex escape sequence out of range", 1, 1);
    check_lex_error("L'a'", "wide character constants (L'x') are not supported by memviz", 1, 1);

    Diagnostics diagnostics;
    const Token unknown = one("'\\q'", diagnostics);
    check_single(diagnostics, Severity::Warning, "unknown escape sequence '\\q'", 1, 1);
    CHECK(unknown.integer == 'q');
}

TEST_CASE("lexer: string literals decode every escape into bytes") {
    const Token s = one_clean(R"("a\n\t\\\'\"\?\a\b\f\r\v\0z")");
    CHECK(s.kind == TokenKind::String);
    CHECK(s.bytes == std::string("a\n\t\\'\"?\a\b\f\r\v\0z", 14));
    CHECK(one_clean(R"("\x41\102\7")").bytes == "AB\a");
    CHECK(one_clean(R"("\1234")").bytes == "S4");  // octal takes at most three digits
    CHECK(one_clean(R"("\x4g")").bytes == "\x04g");
    CHECK(one_clean(R"("\u00e9")").bytes == "\xc3\xa9");  // UTF-8, as gcc
    CHECK(one_clean("\"caf\xc3\xa9 // not a comment\"").bytes == "caf\xc3\xa9 // not a comment");
    CHECK(one_clean("\"\"").bytes.empty());
    CHECK(one_clean("\"abc\"").text == "\"abc\"");

    check_lex_error("s = \"abc;\nx", "unterminated string literal (missing closing \")", 1, 5);
    check_lex_error("\"abc\\\"", "unterminated string literal (missing closing \")", 1, 1);
    check_lex_error(R"("\400")", "octal escape sequence out of range", 1, 1);
    check_lex_error(R"("\x1ff")", "hex escape sequence out of range", 1, 1);
    check_lex_error(R"("\u12")", "invalid universal character name '\\u'", 1, 1);
    check_lex_error("L\"wide\"", "wide string literals (L\"...\") are not supported by memviz", 1, 1);

    Diagnostics diagnostics;
    const Token unknown = one(R"("100\%")", diagnostics);
    check_single(diagnostics, Severity::Warning, "unknown escape sequence '\\%'", 1, 1);
    CHECK(unknown.bytes == "100%");
}

TEST_CASE("lexer: stray characters outside strings and comments") {
    check_lex_error("int @x;", "stray '@' in program", 1, 5);
    check_lex_error("a = `b;", "stray '`' in program", 1, 5);
    check_lex_error("x$", "stray '$' in program", 1, 2);
    check_lex_error("a \\ b", "stray '\\' in program", 1, 3);
    check_lex_error("a\x01", "stray '\\001' in program", 1, 2);
    check_lex_error("x = \xff;", "stray '\\377' in program", 1, 5);

    // Curly quotes pasted from a document: each is reported once, as itself.
    Diagnostics diagnostics;
    lex("printf(\xe2\x80\x9chi\xe2\x80\x9d);", diagnostics);
    REQUIRE(diagnostics.all().size() == 2);
    CHECK(diagnostics.all()[0].message == "stray '\xe2\x80\x9c' in program");
    CHECK(diagnostics.all()[0].loc == SourceLoc{1, 8});
    CHECK(diagnostics.all()[1].message == "stray '\xe2\x80\x9d' in program");
    CHECK(diagnostics.all()[1].loc == SourceLoc{1, 13});

    // The same characters are fine inside strings, character constants and comments.
    lex_clean("\"@`$\\\\\xe2\x80\x9c\" '@' /* @ ` \xff */ // $ \xe2\x80\x9c");
}

TEST_CASE("lexer: an unterminated comment is an error at its start, and ends the file") {
    Diagnostics diagnostics;
    const std::vector<Token> tokens = lex("int x;\n  /* never\nclosed", diagnostics);
    check_single(diagnostics, Severity::Error, "unterminated comment", 2, 3);
    CHECK(texts(tokens) == std::vector<std::string>{"int", "x", ";"});
    CHECK(texts(lex_clean("a /* x */ b /**/ c /* ** / */")) == std::vector<std::string>{"a", "b", "c"});
    CHECK(texts(lex_clean("a //* b\nc")) == std::vector<std::string>{"a", "c"});
    CHECK(texts(lex_clean("a // comment \\\n continued\nb")) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("lexer: preprocessing numbers are cut whole, then judged") {
    // 1.2.3 and 0x1e+1 are one pp-number each (C99 6.4.8), so they are one error, not three tokens.
    Diagnostics diagnostics;
    const std::vector<Token> tokens = lex("1.2.3 0x1e+1 1e+5", diagnostics);
    CHECK(texts(tokens) == std::vector<std::string>{"1.2.3", "0x1e+1", "1e+5"});
    REQUIRE(diagnostics.all().size() == 2);
    CHECK(diagnostics.all()[0].message == "invalid suffix '.3' on floating constant");
    CHECK(diagnostics.all()[1].message == "invalid suffix '+1' on integer constant");
    CHECK(tokens[2].floating == 1e5);
}

TEST_CASE("lexer: cut_tokens does not judge literals; decode_literal does") {
    Diagnostics diagnostics;
    std::vector<Token> tokens = cut_tokens("09 @ 'ab \"x", 0, diagnostics);
    CHECK(diagnostics.all().empty());
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[0].kind == TokenKind::Integer);
    CHECK(tokens[1].kind == TokenKind::Punctuator);
    CHECK(tokens[2].kind == TokenKind::Character);
    CHECK(tokens[2].text == "'ab \"x");  // up to the end of the line
    CHECK(!decode_literal(tokens[0], diagnostics));
    CHECK(!decode_literal(tokens[1], diagnostics));
    CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("lexer: the file id is copied into every token") {
    Diagnostics diagnostics;
    for (const Token& token : tokenize("int x;", 7, diagnostics)) CHECK(token.file == 7);
}

TEST_CASE("lexer: limits on hostile input are diagnostics") {
    SUBCASE("source size") {
        const std::string big(kMaxSourceBytes + 1, ' ');
        Diagnostics diagnostics;
        const std::vector<Token> tokens = lex(big, diagnostics);
        check_single(diagnostics, Severity::Error, "the program is too large (4194305 bytes; memviz accepts at most 4 MiB)", 1, 1);
        CHECK(tokens.size() == 1);
    }
    SUBCASE("identifier length") {
        const std::string name(5000, 'a');
        Diagnostics diagnostics;
        const std::vector<Token> tokens = lex("int " + name + ";", diagnostics);
        check_single(diagnostics, Severity::Error, "identifier is too long (5000 characters; memviz accepts at most 1024)", 1, 5);
        REQUIRE(tokens.size() == 4);
        CHECK(tokens[1].text.size() == kMaxIdentifierLength);
        CHECK(tokens[2].is(";"));
    }
    SUBCASE("token count") {
        const std::string many(kMaxTokensPerFile + 10, ';');
        Diagnostics diagnostics;
        const std::vector<Token> tokens = lex(many, diagnostics);
        REQUIRE(diagnostics.error_count() == 1);
        CHECK(diagnostics.all()[0].message == "the program has too many tokens (memviz accepts at most 1000000)");
        CHECK(tokens.size() == kMaxTokensPerFile + 1);
    }
}

TEST_CASE("lexer: random bytes never crash or hang, and always end with EndOfFile") {
    std::mt19937 random(12345);
    const std::string alphabet = "abcxyz0189_.eEpPxXuUlL+-*/%<>=!&|^~?:;,(){}[]#\\'\" \t\n\r@`$\x01\x80\xc3\xa9\xff";
    for (int round = 0; round < 300; ++round) {
        std::string source;
        const std::size_t length = random() % 400;
        for (std::size_t i = 0; i < length; ++i) source += alphabet[random() % alphabet.size()];
        Diagnostics diagnostics;
        const std::vector<Token> tokens = tokenize(source, 0, diagnostics);
        REQUIRE(!tokens.empty());
        CHECK(tokens.back().kind == TokenKind::EndOfFile);
        for (const Token& token : tokens) CHECK(token.loc.valid());
    }
}

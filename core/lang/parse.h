// The C front end after the preprocessor: a recursive-descent parser that resolves every name and
// types every expression as it goes, producing the Program of ast.h, and reports every problem a
// compiler would (errors, and warnings for what courses teach to avoid).
//
// Implementation, one stage per file (parse_internal.h declares the shared Parser):
//   parse.cpp        driver, tokens, scopes, error recovery, external declarations, functions
//   parse_decl.cpp   declaration specifiers, declarators, struct/union/enum, typedef names
//   parse_init.cpp   initializers: braces, designators, strings, zero fill, static constants
//   parse_expr.cpp   the expression grammar, one function per precedence level
//   parse_stmt.cpp   statements, loops and switch targets, labels and goto, flow warnings
//   check.cpp        the type rules of expressions: conversions, operands, diagnostics
//   constant.cpp     evaluation of constant expressions
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/token.h"
#include "mem/data_model.h"
#include "support/diagnostics.h"

namespace memviz::lang {

// Recursion guard: parentheses, nested blocks and statements, declarators and initializer braces
// share one depth counter; past the limit the parser reports one error and skips, so no input
// can overflow the host stack (natively or in wasm).
inline constexpr std::size_t kMaxNesting = 200;
// Height of an expression tree (`1+1+...+1` builds height without recursion in the parser, but
// later passes walk trees recursively).
inline constexpr std::uint32_t kMaxExpressionDepth = 1000;

// Parses preprocessed tokens (ending with EndOfFile) for the data model. The Program is returned
// whatever happened; it is meant for the compiler only when `diagnostics` has no errors.
Program parse(std::vector<Token> tokens, DataModel model, Diagnostics& diagnostics);

// preprocess() then parse(): the front end in one call.
Program parse_source(std::string_view source, DataModel model, Diagnostics& diagnostics);

// A debugger's way in (Session::evaluate): `program`, the preprocessed tokens of a program that
// compiled, is parsed again as parse() parses it, then `expression` (tokens ending with
// EndOfFile) is parsed as one C expression where the body of `function` reaches `at`: it sees
// the parameters and the locals declared before `at` in the blocks open there, over the whole
// file scope (every global, function, typedef, tag and enum constant of the program). With no
// `function` (or if its body never reaches `at`) it sees the file scope alone.
//
// `diagnostics` keeps only the expression's problems. The expression is parsed, not checked
// for what may be evaluated: assignments and calls come back as the nodes they are.
struct ScopedExpression {
    Program program;                  // owns the expression's nodes, objects and types
    Node* expression = nullptr;       // typed; poisoned when it had errors
    std::optional<Token> left_over;   // the first token after the expression, when it stopped early
};
ScopedExpression parse_in_scope(std::vector<Token> program, std::vector<Token> expression, DataModel model,
                                std::string_view function, SourceLoc at, Diagnostics& diagnostics);

}  // namespace memviz::lang

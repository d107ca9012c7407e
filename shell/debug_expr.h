// The expressions `print`, `x` and `watch` read: C's ways of naming memory, evaluated over a
// snapshot without running anything (so without side effects). General C expressions need the
// compiler; these are the ones a student uses to look at data structures:
//
//   expression := '*' expression | '&' expression | postfix
//   postfix    := primary { '[' expression ']' | '.' NAME | '->' NAME }
//   primary    := NAME | NUMBER | '(' expression ')'
//
// A NAME is a variable of the innermost frame (its parameters and the locals in scope) or a
// global; an index is a number or an expression with an integer value (`scores[i]`).
#pragma once

#include <string_view>

#include "debug_values.h"

namespace memviz::shell {

struct Evaluated {
    ValueView value;     // named by the expression as written
    bool lvalue = true;  // designates memory (a variable, an element, a member, `*p`); not `&x` or `42`
};

Result<Evaluated> evaluate(std::string_view expression, const ValueSource& source);

}  // namespace memviz::shell

// A debugger's `print EXPR`: any C expression, read over the machine as it is, without running
// anything. The one idea: the expression goes through the program's own front end, parsed where
// the innermost frame is stopped, so names, types, conversions and data model are exactly the
// compiler's; then the typed tree is walked over simulated memory, reading and never writing.
//
//   source + "\n\n; EXPR"  --preprocess-->  program tokens | `;` | expression tokens
//   lang::parse_in_scope   the program parsed again; the expression parsed in the scopes the
//                          innermost function has at the stop (its locals in scope, shadowing
//                          as C says) over the whole file scope
//   checks                 one expression spanning all the text; no assignment, ++/--, call or
//                          compound literal anywhere in it (sizeof's operand is folded away)
//   evaluate_tree.cpp      the nodes over memory: every read checked against the object it is
//                          in (a variable, a heap block's payload, a string literal)
//   values.cpp             the result formatted as a snapshot formats values
//
// The expression sits on a line of its own after the program (macros are those defined at the
// end of the program), behind a `;` that keeps a leading `#` from being a directive; columns
// in messages are columns of what the user typed.
#pragma once

#include <string_view>
#include <vector>

#include "session.h"
#include "session/describe.h"

namespace memviz::session {

// `expression` at the machine's present moment: over the innermost frame and the globals, or
// the globals alone once the program has ended. `source` is the loaded program's text;
// `command` names the asker in refusals ("print does not run code: ..."); `written` marks
// changed values (Snapshot::changes.written of this moment).
Result<Evaluation> evaluate(const MachineView& machine, std::string_view source, std::string_view expression,
                            std::string_view command, const std::vector<Changes::Range>& written);

}  // namespace memviz::session

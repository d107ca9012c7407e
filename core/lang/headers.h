// The standard headers memviz provides, as built-in text. A user program is one file, so an
// `#include` can only name one of these. Each declares exactly the library functions the VM
// implements, with the types of the data model: size_t is `unsigned long` in LP64 and
// `unsigned int` in ILP32, LONG_MAX and PRId64 follow, as with gcc -m64 / -m32 on Linux.
//
// File ids (Token::file): 0 is the user's program ("main.c"); headers are 1..kHeaderCount in
// alphabetical order of their names.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "mem/data_model.h"

namespace memviz::lang {

inline constexpr std::uint16_t kMainFile = 0;
inline constexpr std::size_t kHeaderCount = 12;

struct HeaderText {
    std::string_view name;  // "stdio.h"
    std::uint16_t file;     // the Token::file of its tokens
    bool once;              // included at most once; not assert.h, which C lets a program re-include
                            // to turn assert on or off with NDEBUG
    std::string_view text;  // C source; valid for the life of the program
};

// The header called `name` ("stdio.h", without brackets) for a data model, or nullptr.
const HeaderText* find_header(std::string_view name, DataModel model);

// Every header, in file-id order.
std::span<const HeaderText> all_headers(DataModel model);

// "main.c" for kMainFile, a header's name for a header's id, "<built-in>" otherwise: for
// messages and `__FILE__`.
std::string_view file_name(std::uint16_t file);

// "<assert.h>, <ctype.h>, ..., <string.h>": for the message about an unknown header.
std::string supported_headers();

}  // namespace memviz::lang

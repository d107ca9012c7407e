// A small grammar-based generator of C programs for the VM fuzzer (vm.cpp): the fuzzer's bytes
// choose, production by production, a program that memviz must compile without errors in both
// data models — so every byte is spent on running, not on being rejected by the parser.
//
// The programs are well formed but not always well behaved: they use the heap (malloc, calloc,
// realloc, free, strdup, a linked list), pointers into every segment, local and global arrays,
// structs, strings, recursion, function pointers and qsort's call back into C, with indexes,
// lengths and frees the bytes choose. Most choices are safe (an index reduced modulo the length,
// a dereference behind a NULL test) so that runs go deep; about one in eight is a mistake memviz
// must catch (an index past the end, a bare NULL dereference, a division by zero), and programs
// also loop until the step budget, overflow the stack and leak.
//
// When the bytes run out every choice is 0, and 0 always means the smallest program: blocks end
// and values are plain, so any prefix of an input still gives a valid program.
#pragma once

#include <string>

class FuzzedDataProvider;

namespace memviz::fuzz {

std::string generate_program(FuzzedDataProvider& data);

}  // namespace memviz::fuzz

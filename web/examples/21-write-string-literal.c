// title: Writing to a string literal
// concept: A string literal is stored read-only with the code; a char array initialized from it is a copy that may be changed.
// models: lp64 ilp32
// expect-stdout: bat
// expect-error: write to read-only memory 16
//
// Watch where the two "cat"s are: word is 4 bytes in main's stack frame, literal points into the
// code segment, which is read-only.
#include <stdio.h>

int main(void) {
    char word[] = "cat";    // an array on the stack, holding a copy of "cat"
    char *literal = "cat";  // a pointer to the literal itself
    word[0] = 'b';          // fine: changes the copy
    printf("%s\n", word);
    literal[0] = 'b';       // BUG: the literal is read-only
    printf("%s\n", literal);
    return 0;
}

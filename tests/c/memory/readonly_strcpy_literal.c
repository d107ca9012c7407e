// strcpy into a pointer that points at a string literal.
// expect-error: write to read-only memory 11
// models: lp64 ilp32
// expect-stdout: before: anonymous
#include <stdio.h>
#include <string.h>

int main(void) {
    char *name = "anonymous";
    printf("before: %s\n", name);
    strcpy(name, "ada");  // BUG: the destination is a literal
    printf("after: %s\n", name);
    return 0;
}

// Freeing a string literal: a default name that was never malloc'ed.
// expect-error: invalid free 20
// expect-stdout: ada anonymous
#define _POSIX_C_SOURCE 200809L  // strdup is POSIX, not C99: gcc -std=c99 hides it otherwise
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *name_or_default(const char *given) {
    if (given)
        return strdup(given);
    return "anonymous";
}

int main(void) {
    char *a = name_or_default("ada");
    char *b = name_or_default(NULL);
    printf("%s %s\n", a, b);
    free(a);
    free(b);  // BUG: b points at a literal
    return 0;
}
// models: lp64 ilp32

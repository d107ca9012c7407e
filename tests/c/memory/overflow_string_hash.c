// A string hash computed in a signed int overflows after a few characters.
// expect-error: signed integer overflow 9
// expect-stdout: hash("ab") = 3105
#include <stdio.h>

int hash(const char *s) {
    int h = 0;
    while (*s)
        h = h * 31 + *s++;  // BUG: should be unsigned
    return h;
}

int main(void) {
    printf("hash(\"ab\") = %d\n", hash("ab"));
    printf("hash(\"overflowing\") = %d\n", hash("overflowing"));
    return 0;
}
// models: lp64 ilp32

// A char array filled exactly by its initializer has no room for the terminating zero, so strlen
// reads on past its end looking for one.
// expect-error: stack buffer overflow 9
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>
int main(void) {
    char code[4] = "ABCD";
    size_t length = strlen(code);  // BUG: code holds no '\0'
    printf("%zu\n", length);
    return 0;
}

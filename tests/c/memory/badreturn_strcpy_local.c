// strcpy of a long string into a small local array runs over the saved return address.
// expect-error: return to a bad address 13
// models: lp64 ilp32
// expect-stdout: hello
// expect-stdout: hello
#include <stdio.h>
#include <string.h>

int greet(const char *name) {
    char buffer[8];
    strcpy(buffer, name);
    printf("hello\n");
    return (int)strlen(buffer);  // BUG: buffer overflowed into the return address
}

int main(void) {
    greet("ada");
    greet("a name much too long for 8 bytes");
    printf("back in main\n");
    return 0;
}

// strcpy of a long string into a small local array runs over the saved return address: reported
// at the strcpy, and kept going, the return goes to the address the string's bytes made.
// expect-error: return to a bad address 17
// keep-going
// expect-reported: stack buffer overflow 15
// expect-reported: stack buffer overflow 17
// models: lp64 ilp32
// expect-stdout: hello
// expect-stdout: hello
#include <stdio.h>
#include <string.h>

int greet(const char *name) {
    char buffer[8];
    strcpy(buffer, name);  // BUG: the name does not fit in 8 bytes
    printf("hello\n");
    return (int)strlen(buffer);  // the consequence: buffer overflowed into the return address
}

int main(void) {
    greet("ada");
    greet("a name much too long for 8 bytes");
    printf("back in main\n");
    return 0;
}

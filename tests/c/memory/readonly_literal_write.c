// Changing a string literal through a char pointer: literals live in read-only memory.
// expect-error: write to read-only memory 10
// models: lp64 ilp32
// expect-stdout: hello
#include <stdio.h>

int main(void) {
    char *greeting = "hello";
    printf("%s\n", greeting);
    greeting[0] = 'H';  // BUG: should have been char greeting[] = "hello"
    printf("%s\n", greeting);
    return 0;
}

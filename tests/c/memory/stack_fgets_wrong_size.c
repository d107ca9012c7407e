// fgets is told the buffer is bigger than it is, and the line typed is longer than the buffer.
// expect-error: stack buffer overflow 10
// models: lp64 ilp32
// expect-stdout: your name?
// stdin: Bartholomew Featherstonehaugh
#include <stdio.h>
int main(void) {
    char line[8];
    printf("your name?\n");
    if (fgets(line, 64, stdin) == NULL) return 1;  // BUG: line has 8 bytes, not 64
    printf("hello %s", line);
    return 0;
}

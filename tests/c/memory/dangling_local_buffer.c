// Building a string in a local array and returning it.
// expect-error: use of a dangling stack pointer 14
// models: lp64 ilp32
#include <stdio.h>

char *format_point(int x, int y) {
    char buffer[32];
    sprintf(buffer, "(%d, %d)", x, y);
    return buffer;
}

int main(void) {
    char *text = format_point(3, 4);
    printf("point: %s\n", text);  // BUG: buffer died with format_point's frame
    return 0;
}

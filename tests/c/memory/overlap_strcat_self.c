// Doubling a string with strcat(s, s): the source is the destination.
// expect-error: overlapping copy 11
// models: lp64 ilp32
// expect-stdout: abc
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[32] = "abc";
    printf("%s\n", buf);
    strcat(buf, buf);  // BUG: the source overlaps the destination
    printf("%s\n", buf);
    return 0;
}

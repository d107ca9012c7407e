// A table of names in a global 2D array: the last row is too short for a long name, and past it
// is the end of the array.
// expect-error: global buffer overflow 11
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>
char names[3][8];
int main(void) {
    strcpy(names[0], "Ada");
    strcpy(names[1], "Grace");
    strcpy(names[2], "Christopher");  // BUG: 12 bytes into an 8-byte row, the last one
    printf("%s %s %s\n", names[0], names[1], names[2]);
    return 0;
}

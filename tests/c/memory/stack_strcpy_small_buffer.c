// strcpy into a local array too small for the name: nine bytes with the terminator, six places.
// expect-error: stack buffer overflow 8
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>
int main(void) {
    char name[6];
    strcpy(name, "Samantha");  // BUG: "Samantha" needs 9 bytes
    printf("%s\n", name);
    return 0;
}

// Kept going past the error, strcpy's bytes past the end of `first` land in `last`, declared just
// before it and so just above it on the stack: the program prints the tail of the first name
// where the last name was.
// keep-going
// expect-reported: stack buffer overflow 13
// models: lp64 ilp32
// expect-stdout: Christop her
#include <stdio.h>
#include <string.h>
int main(void) {
    char last[8] = "Lovelace";
    char first[8];
    strcpy(first, "Christopher");  // BUG: 12 bytes into first[8]; the last 4 go into last
    printf("%.8s %s\n", first, last);
    return 0;
}

// malloc(strlen(s)) forgets the byte for the terminating '\0'.
// expect-error: heap buffer overflow 10
// expect-stdout: copying
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *copy_string(const char *s) {
    char *copy = malloc(strlen(s));
    strcpy(copy, s);  // BUG: needs strlen(s) + 1 bytes
    return copy;
}

int main(void) {
    printf("copying\n");
    char *c = copy_string("abcdefgh");
    printf("%s\n", c);
    free(c);
    return 0;
}
// models: lp64 ilp32

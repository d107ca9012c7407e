// A helper frees the buffer it was given, and the caller frees it again.
// expect-error: double free 18
// models: lp64 ilp32
// expect-stdout: bye
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void print_and_release(char *s) {
    printf("%s\n", s);
    free(s);
}

int main(void) {
    char *msg = malloc(8);
    strcpy(msg, "bye");
    print_and_release(msg);
    free(msg);  // BUG: print_and_release already freed it
    return 0;
}

// A function that frees its result before returning it.
// expect-error: use after free 18
// models: lp64 ilp32
// expect-stdout: made a counter
#include <stdio.h>
#include <stdlib.h>

int *make_counter(int start) {
    int *c = malloc(sizeof *c);
    *c = start;
    free(c);  // meant to be done by the caller, later
    return c;
}

int main(void) {
    int *counter = make_counter(7);
    printf("made a counter\n");
    (*counter)++;  // BUG: the block was freed inside make_counter
    return 0;
}

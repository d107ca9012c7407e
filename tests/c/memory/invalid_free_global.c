// Freeing a global array.
// expect-error: invalid free 11
// models: lp64 ilp32
// expect-stdout: 3
#include <stdio.h>
#include <stdlib.h>

int scores[3] = {1, 2, 3};

void reset(int *s) {
    free(s);  // BUG: s points at a global, not at a heap block
}

int main(void) {
    printf("%d\n", scores[2]);
    reset(scores);
    return 0;
}

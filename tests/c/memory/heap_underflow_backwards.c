// A backwards search with no lower bound runs off the front of the block.
// expect-error: heap buffer overflow 13
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 4;
    int *v = malloc(n * sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = 10 * (i + 1);
    int i = n - 1;
    while (v[i] != 25)  // BUG: 25 is not there, i reaches -1
        i--;
    printf("found at %d\n", i);
    free(v);
    return 0;
}

// Freeing an array that lives on the stack: only what malloc returned may be freed.
// expect-error: invalid free 12
// models: lp64 ilp32
// expect-stdout: 5
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int numbers[5] = {1, 2, 3, 4, 5};
    int *p = numbers;
    printf("%d\n", p[4]);
    free(p);  // BUG: numbers is a local array
    return 0;
}

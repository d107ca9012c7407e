// exit(EXIT_FAILURE) from a helper ends the whole program with status 1.
// expect-exit: 1
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

int *checked_alloc(size_t n) {
    if (n > 1000) {
        printf("refusing to allocate %zu ints\n", n);
        exit(EXIT_FAILURE);
    }
    return malloc(n * sizeof(int));
}

int main(void) {
    int *a = checked_alloc(10);
    printf("got 10 ints\n");
    free(a);
    int *b = checked_alloc(5000);
    printf("never printed %d\n", b[0]);
    return EXIT_SUCCESS;
}

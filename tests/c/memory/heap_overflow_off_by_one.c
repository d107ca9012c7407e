// The classic off-by-one: <= instead of < writes one element past the block.
// expect-error: heap buffer overflow 10
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n = 5;
    int *squares = malloc(n * sizeof(int));
    for (int i = 0; i <= n; i++)
        squares[i] = i * i;  // BUG: i == n is one past the end
    printf("%d\n", squares[n - 1]);
    free(squares);
    return 0;
}
// models: lp64 ilp32

// realloc moved the block; a second pointer still points at the old, freed one.
// expect-error: use after free 16
// expect-stdout: 10 20 30
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *numbers = malloc(2 * sizeof(int));
    int *blocker = malloc(64);  // something after it, so growing must move it
    int *first = numbers;
    numbers[0] = 10;
    numbers[1] = 20;
    numbers = realloc(numbers, 100 * sizeof(int));
    numbers[2] = 30;
    printf("%d %d %d\n", numbers[0], numbers[1], numbers[2]);
    printf("%d\n", *first);  // BUG: first points at the block realloc freed
    free(numbers);
    free(blocker);
    return 0;
}
// models: lp64 ilp32

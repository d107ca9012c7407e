// title: A growing array with realloc
// concept: realloc gives a heap block a new size, moving it and copying its contents when it cannot grow in place, so the caller must use the address it returns.
// models: lp64 ilp32
// expect-stdout: grew to 4 ints
// expect-stdout: grew to 8 ints
// expect-stdout: grew to 16 ints
// expect-stdout: 10 values, the last is 100
//
// Watch the block of values each time it doubles: sometimes it grows where it is, sometimes a new
// block appears, the ints are copied over and the old block is freed.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int capacity = 2;
    int count = 0;
    int *values = malloc(capacity * sizeof(int));
    if (values == NULL)
        return 1;
    for (int i = 1; i <= 10; i++) {
        if (count == capacity) {  // full: double the block
            capacity *= 2;
            int *bigger = realloc(values, capacity * sizeof(int));  // may move the block
            if (bigger == NULL) {  // on failure the old block is still there
                free(values);
                return 1;
            }
            values = bigger;  // the old address may now be a freed block
            printf("grew to %d ints\n", capacity);
        }
        values[count++] = i * i;
    }
    printf("%d values, the last is %d\n", count, values[count - 1]);
    free(values);
    return 0;
}

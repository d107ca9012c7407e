// title: malloc does not clear memory
// concept: A new heap block holds whatever bytes were there before; reading an int before writing it gives garbage, unlike calloc, which clears the block.
// models: lp64 ilp32
// expect-stdout: with calloc: 0 + 0 + 0 = 0
// expect-error: use of an uninitialized value 21
//
// Watch the two blocks: calloc's bytes are all zero, malloc's are marked uninitialized until
// the program writes them. Only counts[0] is ever written.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *zeros = calloc(3, sizeof(int));   // three ints, all 0
    int *counts = malloc(3 * sizeof(int));  // three ints, not set yet
    if (zeros == NULL || counts == NULL)
        return 1;
    printf("with calloc: %d + %d + %d = %d\n", zeros[0], zeros[1], zeros[2], zeros[0] + zeros[1] + zeros[2]);
    counts[0] = 5;
    int total = 0;
    for (int i = 0; i < 3; i++)
        total += counts[i];  // BUG: counts[1] and counts[2] were never written
    printf("total = %d\n", total);
    free(zeros);
    free(counts);
    return 0;
}

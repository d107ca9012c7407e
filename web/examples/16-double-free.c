// title: Double free
// concept: Two pointers can hold the same address; freeing the block through both frees it twice.
// models: lp64 ilp32
// expect-stdout: backup[0] = 90
// expect-error: double free 20
//
// Watch scores and backup: copying a pointer copies the address, not the block, so there is only
// one block on the heap. After the first free it is already free.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *scores = malloc(3 * sizeof(int));
    if (scores == NULL)
        return 1;
    int *backup = scores;  // the same block, not a copy of the ints
    scores[0] = 90;
    printf("backup[0] = %d\n", backup[0]);
    free(scores);
    free(backup);  // BUG: the block was already freed through scores
    return 0;
}

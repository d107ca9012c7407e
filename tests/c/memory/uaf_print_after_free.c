// The course's example: freeing a block and then printing through the pointer.
// expect-error: use after free 13
// models: lp64 ilp32
// expect-stdout: 5
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int));
    *i_pt = 5;
    printf("%d\n", *i_pt);
    free(i_pt);
    printf("%d\n", *i_pt);  // BUG: the block was freed on the line above
    return 0;
}

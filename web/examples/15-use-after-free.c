// title: Use after free
// concept: After free the block belongs to the allocator again, and reading or writing it through the old pointer is an error.
// models: lp64 ilp32
// expect-stdout: before free: 7
// expect-error: use after free 19
//
// Watch i_pt after free: it still holds the block's address (a dangling pointer), but the block is
// marked free and may already hold the allocator's own data.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int));
    if (i_pt == NULL)
        return 1;
    *i_pt = 7;
    printf("before free: %d\n", *i_pt);
    free(i_pt);  // the block is free; i_pt is unchanged
    printf("after free: %d\n", *i_pt);  // BUG: reads a freed block
    return 0;
}

// title: A memory leak
// concept: A heap block stays allocated until it is freed; once no pointer holds its address it can never be freed, and it leaks.
// models: lp64 ilp32
// expect-stdout: *i_pt = 2
// expect-leak: 4 13
//
// Watch the first block after i_pt is given a new address: nothing points to it any more, yet it
// stays on the heap until the program ends, where memviz reports it as a leak.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int));  // LEAK: this block is never freed
    if (i_pt == NULL)
        return 1;
    *i_pt = 1;
    i_pt = malloc(sizeof(int));  // BUG: the only address of the first block is overwritten
    if (i_pt == NULL)
        return 1;
    *i_pt = 2;
    printf("*i_pt = %d\n", *i_pt);
    free(i_pt);  // frees the second block only
    return 0;
}

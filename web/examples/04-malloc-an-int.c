// title: malloc an int
// concept: malloc reserves bytes on the heap and returns their address; the pointer's type says how the bytes are used, and free gives them back.
// models: lp64 ilp32
// expect-stdout: *i_pt = 42
//
// Watch the heap: malloc creates a block holding the 4 bytes of an int, and i_pt, a local on the
// stack, holds the block's address. After free the block is marked free for future mallocs.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int));  //! malloc reserved 4 bytes on the heap and returned their address; i_pt itself is on the stack.
    if (i_pt == NULL)                 // malloc returns NULL when the heap is full
        return 1;
    *i_pt = 42;  //! The int is written into the heap block: the pointer's type says the bytes hold an int.
    printf("*i_pt = %d\n", *i_pt);
    free(i_pt);   //! The block is free for future mallocs again, but i_pt still holds its address...
    i_pt = NULL;  //! ...so forget it: i_pt is NULL now.
    return 0;
}

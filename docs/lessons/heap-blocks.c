// Lesson 2: malloc and free manage the heap
#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int)); //! malloc allocated 4 bytes on the heap and returned their address: i_pt points to it.
    *i_pt = 7; //! The pointer's type says how the memory is used: as an int.
    int *more = malloc(4 * sizeof(int)); //! As we continue to malloc, the heap builds up.
    free(i_pt); //! free marked i_pt's memory as free for allocation. i_pt still holds the address: do not use it.
    int *reused = malloc(sizeof(int)); //! A later malloc can allocate all or some of the freed memory.
    free(more);
    free(reused);
    return 0;
}

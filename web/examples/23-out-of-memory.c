// title: Running out of heap (ENOMEM)
// concept: The heap has a maximum size; when it is full malloc returns NULL and sets errno to ENOMEM, so a program must check what malloc returns.
// models: lp64 ilp32
// expect-stdout: malloc returned NULL after 63 blocks of 1 MiB: ENOMEM
// expect-stdout: freed 63 blocks
//
// Watch the heap fill with 1 MiB blocks until malloc has no room left: the heap's maximum is
// 64 MiB here, and the allocator's own headers take part of it, so 63 blocks fit. The program
// checks for NULL, so it stops cleanly and frees what it got.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *blocks[100];  // more than the heap can hold
    int count = 0;
    while (count < 100) {
        char *block = malloc(1024 * 1024);
        if (block == NULL) {  // out of memory: check before using the block
            printf("malloc returned NULL after %d blocks of 1 MiB: %s\n", count,
                   errno == ENOMEM ? "ENOMEM" : "another error");
            break;
        }
        blocks[count] = block;
        count++;
    }
    for (int i = 0; i < count; i++)
        free(blocks[i]);
    printf("freed %d blocks\n", count);
    return 0;
}

// title: Freeing the wrong pointer
// concept: free takes exactly an address that malloc returned; a pointer moved into the middle of the block is an invalid free.
// models: lp64 ilp32
// expect-stdout: h-e-l-l-o
// expect-error: invalid free 23
//
// Watch p walk through the block while printing it: at the end p points at the '\0', not at the
// start of the block, so free cannot find the block's header there.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *word = malloc(6);
    if (word == NULL)
        return 1;
    strcpy(word, "hello");
    char *p = word;
    printf("%c", *p);
    for (p++; *p != '\0'; p++)  // p moves along the block
        printf("-%c", *p);
    printf("\n");
    free(p);  // BUG: should be free(word), the address malloc returned
    return 0;
}

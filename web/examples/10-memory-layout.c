// title: The memory layout of a program
// concept: Code, global data, the heap and the stack are separate segments, in that order from low addresses to high, and the OS reserves the largest addresses for itself.
// expect-stdout: code:   square   0x401010
// expect-stdout: code:   literal  0x402000
// expect-stdout: global: global   0x403040
// expect-stdout: global: counter  0x403044
// expect-stdout: heap:   block    0x4040e0
// expect-stdout: stack:  local    0x7fffffffefbc
//
// Watch the addresses printed with %p and find each one in the address-space view: the function
// and the string literal are in the code segment, global and counter in global data, the malloc
// block in the heap, local in main's stack frame.
#include <stdio.h>
#include <stdlib.h>

int global = 1;  // global data

int square(int x) {  // code: the function's instructions
    return x * x;
}

int main(void) {
    static int counter = 0;              // global data too
    char *literal = "hello";             // the characters are stored with the code, read-only
    int *heap_pt = malloc(sizeof(int));  // the heap
    int local = square(3);               // the stack
    printf("code:   square   %p\n", (void *)square);
    printf("code:   literal  %p\n", (void *)literal);
    printf("global: global   %p\n", (void *)&global);
    printf("global: counter  %p\n", (void *)&counter);
    printf("heap:   block    %p\n", (void *)heap_pt);
    printf("stack:  local    %p\n", (void *)&local);
    free(heap_pt);
    return 0;
}

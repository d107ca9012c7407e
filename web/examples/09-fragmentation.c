// title: Fragmentation and coalescing
// concept: Freed blocks leave holes in the heap that a bigger request cannot use, until neighbouring free blocks are coalesced into one.
// models: lp64 ilp32
// expect-stdout: small goes in d's hole
// expect-stdout: big uses a hole: no
// expect-stdout: bigger starts where b was: yes
//
// Watch the heap: freeing b and d leaves two holes between blocks still in use. Which hole the
// small request takes depends on the allocator's policy (first fit takes b's, best fit d's): run
// it with other policies and compare. The 100-byte request fits in neither hole (fragmentation);
// once c is freed too, b, c and d are coalesced into one free block where a bigger one fits.
// (With gcc, glibc's malloc keeps small freed blocks in per-size caches and reuses none here.)
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    char *a = malloc(48);
    char *b = malloc(64);
    char *c = malloc(48);
    char *d = malloc(32);
    char *e = malloc(48);
    free(b);  // a 64-byte hole between a and c
    free(d);  // a 32-byte hole between c and e
    char *small = malloc(24);  // fits in either hole
    printf("small goes in %s\n", small == b ? "b's hole" : small == d ? "d's hole" : "neither hole");
    char *big = malloc(100);  // bigger than each hole: it goes somewhere else
    printf("big uses a hole: %s\n", big == b || big == d ? "yes" : "no");
    free(small);
    free(c);  // b, c and d are neighbours: coalesced into one free block
    char *bigger = malloc(150);
    printf("bigger starts where b was: %s\n", bigger == b ? "yes" : "no");
    free(a);
    free(e);
    free(big);
    free(bigger);
    return 0;
}

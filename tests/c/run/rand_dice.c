// rand and srand: the same seed gives the same sequence (glibc's generator).
// models: lp64 ilp32
#include <stdio.h>
#include <stdlib.h>

int roll(void) {
    return rand() % 6 + 1;
}

int main(void) {
    srand(42);
    int counts[7] = {0};
    for (int i = 0; i < 600; i++)
        counts[roll()]++;
    for (int face = 1; face <= 6; face++)
        printf("%d: %d\n", face, counts[face]);
    srand(42);
    int first = rand();
    srand(42);
    printf("same seed, same first value: %d\n", first == rand());
    srand(1);
    int r1 = rand();
    int r2 = rand() % 100;
    printf("srand(1): %d %d\n", r1, r2);
    printf("RAND_MAX = %d\n", RAND_MAX);
    return 0;
}

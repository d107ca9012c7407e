// A loop that runs one step too far writes past the end of a local array.
// expect-error: stack buffer overflow 9
// models: lp64 ilp32
#include <stdio.h>
int main(void) {
    int scores[5];
    int total = 0;
    for (int i = 0; i <= 5; i++)
        scores[i] = i * 10;  // BUG: scores[5] does not exist
    for (int i = 0; i < 5; i++) total += scores[i];
    printf("%d\n", total);
    return 0;
}

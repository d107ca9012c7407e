// Reading a string's characters one past its array: the terminating zero was never stored.
// expect-error: stack buffer overflow 11
// expect-stdout: copied 4
// models: lp64 ilp32
#include <stdio.h>
int main(void) {
    char word[4] = {'c', 'o', 'd', 'e'};
    int n = 0;
    printf("copied %d\n", (int)sizeof word);
    while (1) {
        if (word[n] == '\0') break;  // BUG: word has no terminating zero
        n++;
    }
    return n;
}

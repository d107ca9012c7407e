// A negative index from an unchecked subtraction points far before the global array.
// expect-error: global buffer overflow 15
// models: lp64 ilp32
// expect-stdout: l appears 2 times
#include <stdio.h>

int counts[26];

int main(void) {
    const char *word = "hello";
    for (const char *p = word; *p; p++)
        counts[*p - 'a']++;
    printf("l appears %d times\n", counts['l' - 'a']);
    int offset = -400000000;
    printf("%d\n", counts[offset]);  // BUG: far before the data segment
    return 0;
}

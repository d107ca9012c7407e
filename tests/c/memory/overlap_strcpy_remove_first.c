// Removing the first character with strcpy(s, s + 1): the strings overlap.
// expect-error: overlapping copy 11
// models: lp64 ilp32
// expect-stdout: xmemory
#include <stdio.h>
#include <string.h>

int main(void) {
    char word[] = "xmemory";
    printf("%s\n", word);
    strcpy(word, word + 1);  // BUG: overlapping copy, use memmove
    printf("%s\n", word);
    return 0;
}

// scanf("%s") with no width into a small local buffer, fed a long word.
// expect-error: return to a bad address 11
// models: lp64 ilp32
// expect-stdout: type a word
// stdin: supercalifragilisticexpialidocious
#include <stdio.h>

int read_word(void) {
    char word[8];
    int n = scanf("%s", word);
    return n;  // BUG: the word overflowed into the return address
}

int main(void) {
    printf("type a word\n");
    printf("%d\n", read_word());
    return 0;
}

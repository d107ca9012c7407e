// scanf("%s") with no width into a small local buffer, fed a long word. Kept going, the
// overflow that was reported at the scanf overwrites the return address.
// expect-error: return to a bad address 14
// keep-going
// expect-reported: stack buffer overflow 13
// models: lp64 ilp32
// expect-stdout: type a word
// stdin: supercalifragilisticexpialidocious
#include <stdio.h>

int read_word(void) {
    char word[8];
    int n = scanf("%s", word);  // BUG: no width: the word does not fit in 8 bytes
    return n;  // the consequence: the word overflowed into the return address
}

int main(void) {
    printf("type a word\n");
    printf("%d\n", read_word());
    return 0;
}

// A function that upper-cases its argument in place, given a string literal.
// expect-error: write to read-only memory 9
// expect-stdout: QUIET
#include <ctype.h>
#include <stdio.h>

void shout(char *s) {
    for (; *s; s++)
        *s = toupper((unsigned char)*s);  // BUG: s points into a literal
}

int main(void) {
    char word[] = "quiet";
    shout(word);
    printf("%s\n", word);
    shout("loud");
    return 0;
}
// models: lp64 ilp32

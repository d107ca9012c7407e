// Classifying characters with ctype.h, counting each class in a line of text.
#include <ctype.h>
#include <stdio.h>

int main(void) {
    const char *text = "Hello, World! 42 is 0x2A\tok?";
    int alpha = 0, digit = 0, alnum = 0, space = 0, upper = 0, lower = 0, xdigit = 0, punct = 0, print = 0;
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalpha(c)) alpha++;
        if (isdigit(c)) digit++;
        if (isalnum(c)) alnum++;
        if (isspace(c)) space++;
        if (isupper(c)) upper++;
        if (islower(c)) lower++;
        if (isxdigit(c)) xdigit++;
        if (ispunct(c)) punct++;
        if (isprint(c)) print++;
    }
    printf("alpha=%d digit=%d alnum=%d space=%d\n", alpha, digit, alnum, space);
    printf("upper=%d lower=%d xdigit=%d punct=%d print=%d\n", upper, lower, xdigit, punct, print);
    printf("isprint('\\n')=%d ispunct(' ')=%d isdigit('a')=%d\n", isprint('\n') != 0, ispunct(' ') != 0, isdigit('a') != 0);
    return 0;
}
// models: lp64 ilp32

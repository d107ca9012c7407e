// Characters are small integers: digits to values, letters to positions, ASCII table rows.
#include <stdio.h>

int main(void) {
    const char *number = "90210";
    int value = 0;
    for (const char *p = number; *p; p++)
        value = value * 10 + (*p - '0');
    printf("\"%s\" -> %d, +1 = %d\n", number, value, value + 1);
    for (char c = 'a'; c <= 'e'; c++)
        printf("%c=%d(%d) ", c, c, c - 'a' + 1);
    printf("\n");
    for (int code = 65; code < 91; code += 5)
        printf("%d:'%c' ", code, code);
    printf("\n");
    char digit = '7';
    printf("'7' as int %d, as digit %d, next char %c\n", digit, digit - '0', digit + 1);
    printf("'\\0' = %d, '\\n' = %d, ' ' = %d\n", '\0', '\n', ' ');
    char lower = 'q';
    printf("upper of q by arithmetic: %c\n", lower - 'a' + 'A');
    return 0;
}
// models: lp64 ilp32

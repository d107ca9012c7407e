// Integer promotions and conversions: char and short arithmetic happens in int.
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    unsigned char a = 200, b = 100;
    int sum = a + b;
    unsigned char wrapped = a + b;
    printf("a + b = %d, stored in unsigned char: %d\n", sum, wrapped);
    signed char c = 127;
    c = c + 1;
    printf("signed char 127 + 1 stored back: %d\n", c);
    char letter = 'A';
    printf("'A' + 1 = %d = %c\n", letter + 1, letter + 1);
    short big = 30000;
    int product = big * 2;
    printf("short 30000 * 2 = %d\n", product);
    unsigned char x = 0x0F;
    printf("~x = %d (promoted to int), (unsigned char)~x = %d\n", ~x, (unsigned char)~x);
    int negative = -1;
    unsigned int u = 1;
    printf("-1 < 1u is %d\n", negative < u);
    printf("-1 < 1 is %d\n", negative < 1);
    printf("(char)300 = %d, (unsigned char)-1 = %d\n", (char)300, (unsigned char)-1);
    printf("7 / 2 = %d, -7 / 2 = %d, -7 %% 2 = %d, 7.0 / 2 = %.1f\n", 7 / 2, -7 / 2, -7 % 2, 7.0 / 2);
    return 0;
}

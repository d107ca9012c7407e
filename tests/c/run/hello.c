// The first program of every course: printf, puts and putchar.
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    printf("Hello, %s!\n", "world");
    puts("puts adds the newline");
    putchar('o');
    putchar('k');
    putchar('\n');
    return 0;
}

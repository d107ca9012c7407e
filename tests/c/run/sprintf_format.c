// sprintf and snprintf: building strings, and snprintf's truncation and return value.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[64];
    int n = sprintf(buf, "%s scored %d (%.1f%%)", "maya", 45, 45 / 50.0 * 100);
    printf("[%s] %d chars\n", buf, n);
    char small[8];
    int wanted = snprintf(small, sizeof small, "%d-%d-%d", 2024, 12, 31);
    printf("[%s] wanted %d, has %zu\n", small, wanted, strlen(small));
    int needed = snprintf(NULL, 0, "%05d|%x|%o", 42, 255, 8);
    printf("needed %d\n", needed);
    snprintf(buf, sizeof buf, "%05d|%x|%X|%o|%c|%5s|%-5s|", 42, 255, 255, 8, 'z', "ab", "cd");
    printf("%s\n", buf);
    char table[3][16];
    for (int i = 0; i < 3; i++)
        sprintf(table[i], "row%d", i * 10);
    printf("%s %s %s\n", table[0], table[1], table[2]);
    printf("%ld %lu %lld %hd %u\n", -5L, 5UL, -123456789012LL, (short)-2, 3000000000u);
    printf("%10.4s|%-3d|%+d|% d\n", "truncate", 7, 7, 7);
    return 0;
}

// strtol: bases, the end pointer to find where parsing stopped, and errno on overflow.
// models: lp64 ilp32
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const char *inputs[] = {"42", "  -17xyz", "0x1F", "777", "abc", "12 34"};
    int bases[] = {10, 10, 16, 8, 10, 10};
    for (int i = 0; i < 6; i++) {
        char *end;
        long value = strtol(inputs[i], &end, bases[i]);
        printf("\"%s\" base %d -> %ld, %d chars used, rest \"%s\"\n", inputs[i], bases[i], value,
               (int)(end - inputs[i]), end);
    }
    printf("base 0: %ld %ld %ld\n", strtol("0x10", NULL, 0), strtol("010", NULL, 0), strtol("10", NULL, 0));
    printf("base 2: %ld, base 36: %ld\n", strtol("101101", NULL, 2), strtol("zz", NULL, 36));
    errno = 0;
    long huge = strtol("99999999999999999999", NULL, 10);
    printf("overflow: %s, errno == ERANGE: %d\n", huge == LONG_MAX ? "LONG_MAX" : "other", errno == ERANGE);
    return 0;
}

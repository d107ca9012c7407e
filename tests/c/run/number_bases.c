// Converting between bases by hand: binary strings to int and ints to any base.
#include <stdio.h>
#include <string.h>

int from_binary(const char *bits) {
    int value = 0;
    for (; *bits; bits++)
        value = value * 2 + (*bits - '0');
    return value;
}

void to_base(unsigned int n, unsigned int base, char *out) {
    const char digits[] = "0123456789ABCDEF";
    char tmp[33];
    int len = 0;
    do {
        tmp[len++] = digits[n % base];
        n /= base;
    } while (n > 0);
    for (int i = 0; i < len; i++)
        out[i] = tmp[len - 1 - i];
    out[len] = '\0';
}

int main(void) {
    const char *inputs[] = {"0", "1", "101", "11111111", "1000000000"};
    for (int i = 0; i < 5; i++)
        printf("%s -> %d\n", inputs[i], from_binary(inputs[i]));
    char out[33];
    unsigned int values[] = {0, 10, 255, 4096, 3735928559u};
    unsigned int bases[] = {2, 8, 16};
    for (int i = 0; i < 5; i++) {
        printf("%u:", values[i]);
        for (int b = 0; b < 3; b++) {
            to_base(values[i], bases[b], out);
            printf(" %s", out);
        }
        printf("\n");
    }
    return 0;
}
// models: lp64 ilp32

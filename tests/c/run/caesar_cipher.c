// The Caesar cipher: character arithmetic with wraparound, and decoding by the inverse shift.
#include <ctype.h>
#include <stdio.h>
#include <string.h>

void shift(char *s, int k) {
    for (; *s; s++) {
        if (isupper((unsigned char)*s))
            *s = 'A' + (*s - 'A' + k + 26) % 26;
        else if (islower((unsigned char)*s))
            *s = 'a' + (*s - 'a' + k + 26) % 26;
    }
}

int main(void) {
    char message[64];
    strcpy(message, "Attack at Dawn, Zebra!");
    shift(message, 3);
    printf("encoded: %s\n", message);
    shift(message, -3);
    printf("decoded: %s\n", message);
    shift(message, 13);
    printf("rot13:   %s\n", message);
    return 0;
}
// models: lp64 ilp32

// Command-line numbers: atoi and atol, and what they do with junk.
// args: 10 -4 2500000000 7abc xyz
// models: lp64
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        printf("usage: %s numbers...\n", argv[0]);
        return 1;
    }
    int sum = 0;
    for (int i = 1; i < argc; i++) {
        printf("atoi(\"%s\") = %d\n", argv[i], atoi(argv[i]));
        sum += atoi(argv[i]);
    }
    printf("sum of atoi = %d\n", sum);
    long big = atol(argv[3]);
    printf("atol(\"%s\") = %ld, / 1000 = %ld\n", argv[3], big, big / 1000);
    return 0;
}

// Reading numbers with scanf until it stops matching, checking its return value.
// stdin: 12 7 -3
// stdin: 40
// stdin: 5 x 9
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    int value, count = 0, sum = 0;
    while (scanf("%d", &value) == 1) {
        sum += value;
        count++;
    }
    printf("read %d numbers, sum %d\n", count, sum);
    char word[16];
    if (scanf("%15s", word) == 1)
        printf("stopped at \"%s\"\n", word);
    int rest = scanf("%d", &value);
    printf("then %d, value %d\n", rest, value);
    printf("at the end: %d\n", scanf("%d", &value));
    return 0;
}

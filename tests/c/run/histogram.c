// A letter-frequency histogram of stdin drawn with stars.
// stdin: Hello memory, hello heap,
// stdin: hello stack frames!
// models: lp64 ilp32
#include <ctype.h>
#include <stdio.h>

int main(void) {
    int counts[26] = {0};
    int c, letters = 0;
    while ((c = getchar()) != EOF) {
        if (isalpha(c)) {
            counts[tolower(c) - 'a']++;
            letters++;
        }
    }
    for (int i = 0; i < 26; i++) {
        if (counts[i] < 2)
            continue;
        printf("%c %2d ", 'a' + i, counts[i]);
        for (int j = 0; j < counts[i]; j++)
            putchar('*');
        putchar('\n');
    }
    printf("%d letters\n", letters);
    return 0;
}

// Sorting an array of strings with qsort: the comparator gets pointers to the char pointers.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int compare_strings(const void *a, const void *b) {
    const char *const *x = a;
    const char *const *y = b;
    return strcmp(*x, *y);
}

int compare_length(const void *a, const void *b) {
    size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return (x > y) - (x < y);
}

int main(void) {
    const char *words[] = {"pear", "apple", "fig", "banana", "kiwi", "cherries"};
    int n = 6;
    qsort(words, n, sizeof(char *), compare_strings);
    for (int i = 0; i < n; i++)
        printf("%s ", words[i]);
    printf("\n");
    qsort(words, n, sizeof words[0], compare_length);
    printf("shortest: %s, longest: %s\n", words[0], words[n - 1]);
    return 0;
}
// models: lp64 ilp32

// bsearch from stdlib.h over a sorted table of structs, looked up by key.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct element {
    const char *symbol;
    int number;
};

int by_symbol(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const struct element *)elem)->symbol);
}

int compare_int(const void *a, const void *b) {
    return *(const int *)a - *(const int *)b;
}

int main(void) {
    struct element table[] = {{"Ar", 18}, {"C", 6}, {"Fe", 26}, {"H", 1}, {"He", 2}, {"N", 7}, {"O", 8}};
    const char *queries[] = {"Fe", "H", "Au", "O"};
    for (int i = 0; i < 4; i++) {
        struct element *found = bsearch(queries[i], table, 7, sizeof table[0], by_symbol);
        if (found)
            printf("%s is element %d\n", queries[i], found->number);
        else
            printf("%s is not in the table\n", queries[i]);
    }
    int primes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    int key = 17;
    int *hit = bsearch(&key, primes, 10, sizeof(int), compare_int);
    printf("17 at index %d\n", hit ? (int)(hit - primes) : -1);
    key = 18;
    printf("18 found: %s\n", bsearch(&key, primes, 10, sizeof(int), compare_int) ? "yes" : "no");
    return 0;
}
// models: lp64 ilp32

// qsort over an array of structs: by name with strcmp, then by score, highest first.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct student {
    char name[16];
    int score;
};

int by_name(const void *a, const void *b) {
    const struct student *x = a, *y = b;
    return strcmp(x->name, y->name);
}

int by_score_desc(const void *a, const void *b) {
    const struct student *x = a, *y = b;
    if (x->score != y->score)
        return y->score - x->score;
    return strcmp(x->name, y->name);
}

int main(void) {
    struct student class[] = {{"maya", 88}, {"ben", 92}, {"zoe", 75}, {"ali", 92}, {"carl", 60}};
    size_t n = sizeof class / sizeof class[0];
    qsort(class, n, sizeof(struct student), by_name);
    for (size_t i = 0; i < n; i++)
        printf("%s:%d ", class[i].name, class[i].score);
    printf("\n");
    qsort(class, n, sizeof class[0], by_score_desc);
    for (size_t i = 0; i < n; i++)
        printf("%zu. %-5s %d\n", i + 1, class[i].name, class[i].score);
    return 0;
}
// models: lp64 ilp32

// const with pointers: a pointer to const data, a const pointer, and const parameters.
#include <stdio.h>

size_t count_char(const char *s, char c) {
    size_t n = 0;
    while (*s)
        if (*s++ == c)
            n++;
    return n;
}

int main(void) {
    int a = 1, b = 2;
    const int *read_only = &a;
    read_only = &b;
    int *const fixed = &a;
    *fixed = 10;
    const int *const both = &b;
    printf("*read_only=%d a=%d *both=%d\n", *read_only, a, *both);
    const double rate = 0.25;
    printf("rate %.2f, 's' in \"mississippi\": %zu\n", rate, count_char("mississippi", 's'));
    static const char *const seasons[] = {"winter", "spring", "summer", "autumn"};
    for (int i = 0; i < 4; i++)
        printf("%s%s", seasons[i], i < 3 ? ", " : "\n");
    return 0;
}
// models: lp64 ilp32

// Pointers to pointers: changing the caller's pointer, and walking a char ** table.
#include <stdio.h>
#include <stdlib.h>

void allocate(int **out, int n) {
    *out = malloc(n * sizeof **out);
    for (int i = 0; i < n; i++)
        (*out)[i] = i * 10;
}

void advance(const char **cursor) {
    while (**cursor == ' ')
        (*cursor)++;
}

int main(void) {
    int *data = NULL;
    allocate(&data, 4);
    printf("%d %d %d %d\n", data[0], data[1], data[2], data[3]);
    free(data);
    const char *text = "    indented";
    advance(&text);
    printf("[%s]\n", text);
    int x = 5;
    int *p = &x;
    int **pp = &p;
    **pp = 6;
    printf("x=%d *p=%d **pp=%d\n", x, *p, **pp);
    const char *colors[] = {"red", "green", "blue", NULL};
    for (const char **c = colors; *c; c++)
        printf("%s has %c first\n", *c, **c);
    return 0;
}
// models: lp64 ilp32

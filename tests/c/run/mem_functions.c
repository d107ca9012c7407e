// memcpy, memmove, memset and memcmp on arrays and structs.
// models: lp64 ilp32
#include <stdio.h>
#include <string.h>

struct record {
    int id;
    char tag[4];
};

void print(const int *a, int n) {
    for (int i = 0; i < n; i++)
        printf("%d ", a[i]);
    printf("\n");
}

int main(void) {
    int src[5] = {1, 2, 3, 4, 5};
    int dst[5];
    memcpy(dst, src, sizeof src);
    print(dst, 5);
    memmove(dst + 1, dst, 3 * sizeof(int));
    print(dst, 5);
    memmove(dst, dst + 2, 3 * sizeof(int));
    print(dst, 5);
    memset(dst, 0, sizeof dst);
    print(dst, 5);
    char line[11];
    memset(line, '-', 10);
    line[10] = '\0';
    printf("%s\n", line);
    struct record a = {7, "abc"}, b;
    memcpy(&b, &a, sizeof a);
    printf("b = {%d, %s}, memcmp = %d\n", b.id, b.tag, memcmp(&a, &b, sizeof a));
    unsigned char x[] = {1, 2, 3}, y[] = {1, 2, 4};
    printf("memcmp sign: %d %d\n", memcmp(x, y, 3) < 0, memcmp(x, y, 2) == 0);
    return 0;
}

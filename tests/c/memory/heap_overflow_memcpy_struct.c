// Copying a whole struct into a block allocated with the size of a pointer.
// expect-error: heap buffer overflow 17
// expect-stdout: copying grace
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
    char name[24];
    int score;
};

int main(void) {
    struct record r = {"grace", 99};
    struct record *copy = malloc(sizeof(struct record *));
    printf("copying %s\n", r.name);
    memcpy(copy, &r, sizeof r);  // BUG: malloc(sizeof(struct record *)) is a pointer's size
    free(copy);
    return 0;
}

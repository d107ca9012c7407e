// A cleanup function that frees a member but leaves the pointer set, called twice.
// expect-error: double free 15
// expect-stdout: payload
// expect-stdout: destroyed once
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *data;
    int size;
};

void buffer_destroy(struct buffer *b) {
    free(b->data);  // BUG: the second call frees the same block again
    b->size = 0;
}

int main(void) {
    struct buffer b = {malloc(16), 16};
    strcpy(b.data, "payload");
    printf("%s\n", b.data);
    buffer_destroy(&b);
    printf("destroyed once\n");
    buffer_destroy(&b);
    return 0;
}
// models: lp64 ilp32

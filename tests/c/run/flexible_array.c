// A flexible array member: one malloc holds the header and a variable number of elements.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct message {
    int length;
    char text[];
};

struct message *make_message(const char *s) {
    int n = strlen(s);
    struct message *m = malloc(sizeof(struct message) + n + 1);
    m->length = n;
    memcpy(m->text, s, n + 1);
    return m;
}

int main(void) {
    struct message *m = make_message("flexible");
    printf("%d: %s\n", m->length, m->text);
    printf("header is %zu bytes\n", sizeof(struct message));
    free(m);
    return 0;
}
// models: lp64 ilp32

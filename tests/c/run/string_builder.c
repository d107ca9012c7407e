// A string that grows with realloc as words are appended with strcat.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct builder {
    char *text;
    size_t capacity;
};

void append(struct builder *b, const char *word) {
    size_t needed = strlen(b->text) + strlen(word) + 2;
    if (needed > b->capacity) {
        while (b->capacity < needed)
            b->capacity *= 2;
        char *bigger = realloc(b->text, b->capacity);
        if (!bigger)
            exit(1);
        b->text = bigger;
    }
    if (b->text[0] != '\0')
        strcat(b->text, " ");
    strcat(b->text, word);
}

int main(void) {
    struct builder b = {malloc(4), 4};
    b.text[0] = '\0';
    const char *words[] = {"memory", "is", "just", "numbered", "bytes", "in", "a", "row"};
    for (int i = 0; i < 8; i++) {
        append(&b, words[i]);
        printf("%2zu/%2zu %s\n", strlen(b.text), b.capacity, b.text);
    }
    free(b.text);
    return 0;
}
// models: lp64 ilp32

// A hash table with separate chaining: counting words.
#define _POSIX_C_SOURCE 200809L  // strdup is POSIX, not C99: gcc -std=c99 hides it otherwise
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 7

struct entry {
    char *word;
    int count;
    struct entry *next;
};

unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

void add_word(struct entry *table[], const char *word) {
    unsigned b = hash(word);
    for (struct entry *e = table[b]; e; e = e->next) {
        if (strcmp(e->word, word) == 0) {
            e->count++;
            return;
        }
    }
    struct entry *e = malloc(sizeof *e);
    e->word = strdup(word);
    e->count = 1;
    e->next = table[b];
    table[b] = e;
}

int main(void) {
    struct entry *table[BUCKETS] = {NULL};
    const char *text[] = {"to", "be", "or", "not", "to", "be", "that", "is", "the", "question", "to", "be"};
    for (int i = 0; i < 12; i++)
        add_word(table, text[i]);
    for (int b = 0; b < BUCKETS; b++) {
        printf("bucket %d:", b);
        for (struct entry *e = table[b]; e; e = e->next)
            printf(" %s=%d", e->word, e->count);
        printf("\n");
    }
    for (int b = 0; b < BUCKETS; b++) {
        struct entry *e = table[b];
        while (e) {
            struct entry *next = e->next;
            free(e->word);
            free(e);
            e = next;
        }
    }
    return 0;
}
// models: lp64 ilp32

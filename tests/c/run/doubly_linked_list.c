// A doubly linked list with a sentinel: insert at both ends, remove from the middle, walk both ways.
#include <stdio.h>
#include <stdlib.h>

struct dnode {
    int value;
    struct dnode *prev, *next;
};

void insert_after(struct dnode *at, int value) {
    struct dnode *n = malloc(sizeof *n);
    n->value = value;
    n->prev = at;
    n->next = at->next;
    at->next->prev = n;
    at->next = n;
}

void unlink_node(struct dnode *n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
    free(n);
}

void print_both_ways(const struct dnode *sentinel) {
    for (const struct dnode *n = sentinel->next; n != sentinel; n = n->next)
        printf("%d ", n->value);
    printf("| ");
    for (const struct dnode *n = sentinel->prev; n != sentinel; n = n->prev)
        printf("%d ", n->value);
    printf("\n");
}

int main(void) {
    struct dnode sentinel = {0, &sentinel, &sentinel};
    for (int i = 1; i <= 3; i++)
        insert_after(&sentinel, i);
    for (int i = 10; i <= 30; i += 10)
        insert_after(sentinel.prev, i);
    print_both_ways(&sentinel);
    unlink_node(sentinel.next->next);
    unlink_node(sentinel.prev);
    print_both_ways(&sentinel);
    while (sentinel.next != &sentinel)
        unlink_node(sentinel.next);
    print_both_ways(&sentinel);
    return 0;
}
// models: lp64 ilp32

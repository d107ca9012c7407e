// Freeing a list node and then reading its next field to move on.
// expect-error: use after free 21
// expect-stdout: head 2
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

int main(void) {
    struct node *head = NULL;
    for (int i = 0; i < 3; i++) {
        struct node *n = malloc(sizeof *n);
        n->value = i;
        n->next = head;
        head = n;
    }
    printf("head %d\n", head->value);
    for (struct node *p = head; p != NULL; p = p->next)  // BUG: p->next read after free(p)
        free(p);
    return 0;
}
// models: lp64 ilp32

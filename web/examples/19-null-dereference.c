// title: NULL dereference
// concept: NULL is the address 0, where nothing can live; a function that returns NULL for "not found" must be checked before its result is used.
// models: lp64 ilp32
// expect-stdout: found 20
// expect-error: null pointer dereference 31
//
// Watch found after the second search: it is NULL, and found->value reads near address 0, in the
// reserved area below the code segment.
#include <stdio.h>

struct node {
    int value;
    struct node *next;
};

// The first node holding value, or NULL if there is none.
struct node *find(struct node *head, int value) {
    for (struct node *cur = head; cur != NULL; cur = cur->next)
        if (cur->value == value)
            return cur;
    return NULL;
}

int main(void) {
    struct node third = {30, NULL};  // a short list on the stack
    struct node second = {20, &third};
    struct node first = {10, &second};
    struct node *found = find(&first, 20);
    printf("found %d\n", found->value);
    found = find(&first, 40);  // not in the list: NULL
    printf("found %d\n", found->value);  // BUG: should check found != NULL first
    return 0;
}

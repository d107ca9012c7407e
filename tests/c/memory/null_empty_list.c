// Reading the first node of a list that is still empty.
// expect-error: null pointer dereference 13
// expect-stdout: list created
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

int first_value(struct node *head) {
    return head->value;  // BUG: the list is empty, head is NULL
}

int main(void) {
    struct node *head = NULL;
    printf("list created\n");
    printf("first: %d\n", first_value(head));
    return 0;
}
// models: lp64 ilp32

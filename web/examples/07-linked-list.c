// title: A linked list, built and freed
// concept: Each node of a linked list is its own heap block, linked to the next by the address it holds; freeing the list means freeing every node.
// models: lp64 ilp32
// expect-stdout: 30 -> 20 -> 10 -> NULL
//
// Watch three blocks appear on the heap, each pointing to the one made before it, then disappear
// one by one. The loop saves head->next before freeing head: after free it must not be read.
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;  // the address of the next node, or NULL at the end
};

int main(void) {
    struct node *head = NULL;  // an empty list
    for (int i = 1; i <= 3; i++) {
        struct node *new_node = malloc(sizeof(struct node));  // one heap block per node
        if (new_node == NULL)
            return 1;
        new_node->value = i * 10;
        new_node->next = head;  // the new node goes in front of the list
        head = new_node;
    }
    for (struct node *cur = head; cur != NULL; cur = cur->next)
        printf("%d -> ", cur->value);
    printf("NULL\n");
    while (head != NULL) {
        struct node *next = head->next;  // save the link before the block is freed
        free(head);
        head = next;
    }
    return 0;
}

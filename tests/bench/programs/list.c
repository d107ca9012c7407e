/* Linked lists: build, reverse and free 20,000 nodes, ten times. */
#include <stdio.h>
#include <stdlib.h>
struct node { int value; struct node *next; };
int main(void) {
    long total = 0;
    for (int round = 0; round < 10; round++) {
        struct node *head = NULL;
        for (int i = 0; i < 20000; i++) {
            struct node *n = malloc(sizeof *n);
            n->value = i;
            n->next = head;
            head = n;
        }
        struct node *reversed = NULL;
        while (head) { struct node *next = head->next; head->next = reversed; reversed = head; head = next; }
        while (reversed) { struct node *next = reversed->next; total += reversed->value; free(reversed); reversed = next; }
    }
    printf("%ld\n", total);
    return 0;
}

// A singly linked list: push at the front, append at the end, print, length, free.
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    int value;
    struct node *next;
} Node;

Node *push_front(Node *head, int value) {
    Node *n = malloc(sizeof *n);
    n->value = value;
    n->next = head;
    return n;
}

Node *append(Node *head, int value) {
    Node *n = malloc(sizeof(Node));
    n->value = value;
    n->next = NULL;
    if (head == NULL)
        return n;
    Node *cur = head;
    while (cur->next != NULL)
        cur = cur->next;
    cur->next = n;
    return head;
}

void print_list(const Node *head) {
    for (const Node *cur = head; cur != NULL; cur = cur->next)
        printf("%d -> ", cur->value);
    printf("NULL\n");
}

int length(const Node *head) {
    return head == NULL ? 0 : 1 + length(head->next);
}

void free_list(Node *head) {
    while (head != NULL) {
        Node *next = head->next;
        free(head);
        head = next;
    }
}

int main(void) {
    Node *list = NULL;
    list = push_front(list, 10);
    list = push_front(list, 20);
    list = push_front(list, 30);
    list = append(list, 5);
    print_list(list);
    printf("length %d\n", length(list));
    free_list(list);
    return 0;
}
// models: lp64 ilp32

// Linked list operations through a pointer to the head pointer: insert sorted, remove, reverse.
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

void insert_sorted(struct node **head, int value) {
    struct node *n = malloc(sizeof *n);
    n->value = value;
    while (*head != NULL && (*head)->value < value)
        head = &(*head)->next;
    n->next = *head;
    *head = n;
}

int remove_value(struct node **head, int value) {
    for (; *head != NULL; head = &(*head)->next) {
        if ((*head)->value == value) {
            struct node *dead = *head;
            *head = dead->next;
            free(dead);
            return 1;
        }
    }
    return 0;
}

struct node *reverse(struct node *head) {
    struct node *prev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

void print(struct node *head) {
    printf("[");
    for (; head; head = head->next)
        printf("%d%s", head->value, head->next ? ", " : "");
    printf("]\n");
}

int main(void) {
    struct node *list = NULL;
    int values[] = {42, 7, 19, 3, 25, 7};
    for (int i = 0; i < 6; i++)
        insert_sorted(&list, values[i]);
    print(list);
    printf("remove 19: %d, remove 100: %d\n", remove_value(&list, 19), remove_value(&list, 100));
    remove_value(&list, 3);
    print(list);
    list = reverse(list);
    print(list);
    while (list)
        remove_value(&list, list->value);
    print(list);
    return 0;
}
// models: lp64 ilp32

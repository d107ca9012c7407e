// The web benchmark's frame-cost program: 10,000 heap blocks kept live in a linked list, then 999
// nested calls of descend() (1,000 frames with main's). The deepest call walks the list, changing
// every block, while the benchmark times the app's frames, idle and stepping.
#include <stdlib.h>

struct node {
    struct node *next;
    int value;
};

struct node *head; // the list, newest block first

int descend(int depth) {
    if (depth == 1) {
        int sum = 0; // deepest: the benchmark's breakpoint
        for (struct node *n = head; n != NULL; n = n->next) {
            n->value = n->value + 1;
            sum = sum + n->value % 7;
        }
        return sum;
    }
    return descend(depth - 1) + 1;
}

int main(void) {
    for (int i = 0; i < 10000; i++) {
        struct node *n = malloc(sizeof *n);
        n->next = head;
        n->value = i;
        head = n;
    }
    int total = descend(999);
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
    return total > 0 ? 0 : 1;
}

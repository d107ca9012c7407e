// A queue in a circular buffer: head and tail wrap around with %.
#include <stdio.h>

#define SIZE 4

struct queue {
    int items[SIZE];
    int head;
    int count;
};

int enqueue(struct queue *q, int value) {
    if (q->count == SIZE)
        return 0;
    q->items[(q->head + q->count) % SIZE] = value;
    q->count++;
    return 1;
}

int dequeue(struct queue *q, int *value) {
    if (q->count == 0)
        return 0;
    *value = q->items[q->head];
    q->head = (q->head + 1) % SIZE;
    q->count--;
    return 1;
}

int main(void) {
    struct queue q = {{0}, 0, 0};
    for (int i = 1; i <= 5; i++)
        printf("enqueue %d: %s\n", i, enqueue(&q, i) ? "ok" : "full");
    int v;
    for (int i = 0; i < 2; i++)
        if (dequeue(&q, &v))
            printf("dequeue -> %d\n", v);
    enqueue(&q, 6);
    enqueue(&q, 7);
    while (dequeue(&q, &v))
        printf("dequeue -> %d\n", v);
    printf("empty: count=%d head=%d\n", q.count, q.head);
    return 0;
}
// models: lp64 ilp32

// A growable array: realloc doubles the capacity, always through a temporary pointer.
#include <stdio.h>
#include <stdlib.h>

struct vector {
    int *data;
    size_t size;
    size_t capacity;
};

int vector_push(struct vector *v, int value) {
    if (v->size == v->capacity) {
        size_t new_capacity = v->capacity == 0 ? 2 : v->capacity * 2;
        int *bigger = realloc(v->data, new_capacity * sizeof *bigger);
        if (bigger == NULL)
            return 0;
        v->data = bigger;
        v->capacity = new_capacity;
        printf("grew to %zu\n", new_capacity);
    }
    v->data[v->size++] = value;
    return 1;
}

int main(void) {
    struct vector v = {NULL, 0, 0};
    for (int i = 1; i <= 10; i++)
        vector_push(&v, i * i);
    long sum = 0;
    for (size_t i = 0; i < v.size; i++)
        sum += v.data[i];
    printf("size %zu capacity %zu sum %ld last %d\n", v.size, v.capacity, sum, v.data[v.size - 1]);
    int *smaller = realloc(v.data, v.size * sizeof(int));
    if (smaller != NULL)
        v.data = smaller;
    printf("after shrink: %d %d\n", v.data[0], v.data[9]);
    free(v.data);
    return 0;
}
// models: lp64 ilp32

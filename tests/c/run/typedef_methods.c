// Structs with function pointer members: a tiny "object" with methods, dispatched at run time.
#include <stdio.h>

typedef struct counter Counter;
struct counter {
    int value;
    void (*step)(Counter *self);
    const char *name;
};

void step_up(Counter *self) { self->value++; }
void step_double(Counter *self) { self->value = self->value ? self->value * 2 : 1; }
void step_down(Counter *self) { self->value--; }

int main(void) {
    Counter counters[] = {{0, step_up, "up"}, {0, step_double, "double"}, {10, step_down, "down"}};
    for (int round = 0; round < 5; round++)
        for (int i = 0; i < 3; i++)
            counters[i].step(&counters[i]);
    for (int i = 0; i < 3; i++)
        printf("%s: %d\n", counters[i].name, counters[i].value);
    void (*table[2])(Counter *) = {step_up, step_down};
    Counter c = {5, NULL, "table"};
    table[0](&c);
    table[0](&c);
    (*table[1])(&c);
    printf("%s: %d\n", c.name, c.value);
    return 0;
}
// models: lp64 ilp32

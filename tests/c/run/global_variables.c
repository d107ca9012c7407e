// Global variables live in the data segment: visible to every function, zero if not initialized.
// models: lp64 ilp32
#include <stdio.h>

int total;
int limit = 50;
const char *greeting = "hi";
static double history[4];
int table[3] = {7, 8};

void add(int amount) {
    if (total + amount <= limit)
        total += amount;
}

void record(int slot, double value) {
    history[slot] = value;
}

int main(void) {
    printf("%s: total=%d limit=%d table[2]=%d history[3]=%.1f\n", greeting, total, limit, table[2], history[3]);
    for (int i = 0; i < 10; i++)
        add(i * 2);
    record(1, total / 4.0);
    limit = 100;
    add(40);
    printf("total=%d history[1]=%.2f\n", total, history[1]);
    return 0;
}

// An array of structs as a small database: find, update, total, and sort by value by hand.
#include <stdio.h>
#include <string.h>

typedef struct {
    char name[12];
    int quantity;
    double price;
} Item;

Item *find(Item *items, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(items[i].name, name) == 0)
            return &items[i];
    return NULL;
}

int main(void) {
    Item items[] = {{"bolt", 120, 0.10}, {"nut", 300, 0.05}, {"gear", 8, 4.75}, {"spring", 40, 0.80}};
    int n = sizeof items / sizeof items[0];
    Item *gear = find(items, n, "gear");
    if (gear)
        gear->quantity += 2;
    if (!find(items, n, "washer"))
        printf("no washers\n");
    for (int i = 0; i < n - 1; i++)
        for (int j = 0; j < n - 1 - i; j++)
            if (items[j].quantity * items[j].price < items[j + 1].quantity * items[j + 1].price) {
                Item t = items[j];
                items[j] = items[j + 1];
                items[j + 1] = t;
            }
    double total = 0;
    for (int i = 0; i < n; i++) {
        double value = items[i].quantity * items[i].price;
        printf("%-7s %4d x %5.2f = %7.2f\n", items[i].name, items[i].quantity, items[i].price, value);
        total += value;
    }
    printf("total %.2f\n", total);
    return 0;
}
// models: lp64 ilp32

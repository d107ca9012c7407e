// A search that finds nothing returns NULL, and the caller uses the result without checking.
// expect-error: null pointer dereference 25
// models: lp64 ilp32
// expect-stdout: ada has 100
#include <stdio.h>
#include <string.h>

struct account {
    char owner[16];
    int balance;
};

struct account *find(struct account *accounts, int n, const char *owner) {
    for (int i = 0; i < n; i++)
        if (strcmp(accounts[i].owner, owner) == 0)
            return &accounts[i];
    return NULL;
}

int main(void) {
    struct account bank[] = {{"ada", 100}, {"bob", 50}};
    struct account *a = find(bank, 2, "ada");
    printf("ada has %d\n", a->balance);
    struct account *c = find(bank, 2, "cy");
    printf("cy has %d\n", c->balance);  // BUG: find returned NULL
    return 0;
}

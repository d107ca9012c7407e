// static local variables keep their value between calls; automatic ones start over.
// models: lp64 ilp32
#include <stdio.h>

int next_id(void) {
    static int id = 100;
    return id++;
}

int calls(void) {
    int automatic = 0;
    static int persistent = 0;
    automatic++;
    persistent++;
    printf("automatic=%d persistent=%d\n", automatic, persistent);
    return persistent;
}

int main(void) {
    for (int i = 0; i < 3; i++)
        calls();
    int a = next_id();
    int b = next_id();
    printf("ids: %d %d\n", a, b);
    printf("next id: %d\n", next_id());
    return 0;
}

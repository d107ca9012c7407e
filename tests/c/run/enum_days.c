// Enums as named integers, switch over them, and a table of names indexed by them.
// models: lp64 ilp32
#include <stdio.h>

enum day { MON, TUE, WED, THU, FRI, SAT, SUN, DAY_COUNT };
enum color { RED = 1, GREEN = 2, BLUE = 4, WHITE = RED | GREEN | BLUE };

static const char *const day_names[DAY_COUNT] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

const char *kind(enum day d) {
    switch (d) {
    case SAT:
    case SUN:
        return "weekend";
    default:
        return "weekday";
    }
}

int main(void) {
    for (enum day d = MON; d < DAY_COUNT; d++)
        printf("%d %s %s\n", d, day_names[d], kind(d));
    printf("WHITE = %d\n", WHITE);
    enum color c = GREEN;
    printf("green has blue? %s\n", (c & BLUE) ? "yes" : "no");
    return 0;
}

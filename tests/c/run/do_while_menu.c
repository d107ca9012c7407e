// A menu loop with do-while, reading choices from stdin.
// stdin: 1 5
// stdin: 1 7
// stdin: 2
// stdin: 9
// stdin: 3
// stdin: 0
// models: lp64 ilp32
#include <stdio.h>

int main(void) {
    int choice, total = 0, amount;
    do {
        printf("menu: 1 add, 2 show, 3 reset, 0 quit > ");
        if (scanf("%d", &choice) != 1)
            break;
        switch (choice) {
        case 1:
            scanf("%d", &amount);
            total += amount;
            printf("added %d\n", amount);
            break;
        case 2:
            printf("total is %d\n", total);
            break;
        case 3:
            total = 0;
            printf("reset\n");
            break;
        case 0:
            printf("bye\n");
            break;
        default:
            printf("unknown choice %d\n", choice);
        }
    } while (choice != 0);
    printf("final total %d\n", total);
    return 0;
}

// Function pointers: a calculator dispatching through a table of operations.
#include <stdio.h>

int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int mul(int a, int b) { return a * b; }
int divide(int a, int b) { return b == 0 ? 0 : a / b; }

typedef int (*binary_op)(int, int);

struct operation {
    char symbol;
    binary_op apply;
};

int apply_twice(int (*f)(int, int), int x, int y) {
    return f(f(x, y), y);
}

int main(void) {
    struct operation ops[] = {{'+', add}, {'-', sub}, {'*', mul}, {'/', divide}};
    for (int i = 0; i < 4; i++)
        printf("17 %c 5 = %d\n", ops[i].symbol, ops[i].apply(17, 5));
    binary_op f = mul;
    printf("(*f)(6, 7) = %d\n", (*f)(6, 7));
    printf("apply_twice(add, 1, 10) = %d\n", apply_twice(add, 1, 10));
    printf("same function: %d\n", f == mul);
    return 0;
}
// models: lp64 ilp32

// sizeof in a 64-bit build: basic types, pointers, arrays, and arrays decayed to pointers.
// models: lp64
#include <stdio.h>

void takes_array(int a[10]) {
    printf("inside the function, sizeof a = %zu (a pointer)\n", sizeof a);
}

int main(void) {
    int a[10];
    printf("char %zu, short %zu, int %zu, long %zu, long long %zu\n", sizeof(char), sizeof(short),
           sizeof(int), sizeof(long), sizeof(long long));
    printf("float %zu, double %zu, int * %zu, char * %zu\n", sizeof(float), sizeof(double), sizeof(int *),
           sizeof(char *));
    printf("int a[10]: sizeof a = %zu, elements = %zu\n", sizeof a, sizeof a / sizeof a[0]);
    takes_array(a);
    printf("sizeof \"hello\" = %zu\n", sizeof "hello");
    return 0;
}

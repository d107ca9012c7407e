#include <stdio.h>
int *dangling(void) {
    int local = 1;
    return &local;
}
int check(int a, unsigned b) {
    int spare;
    if (a = 0) return 1;
    return a < b;
}
int no_return(int a) {
    if (a) return 1;
}
int main(void) {
    prinf("hi\n");
    return 0;
}

// expect: 4:12: warning: function returns address of local variable
// expect: 8:11: warning: suggest parentheses around assignment used as truth value
// expect: 9:14: warning: comparison of integer expressions of different signedness: 'int' and 'unsigned int'
// expect: 7:9: warning: unused variable 'spare'
// expect: 13:1: warning: control reaches end of non-void function
// expect: 15:5: warning: implicit declaration of function 'prinf'; did you mean 'printf'?

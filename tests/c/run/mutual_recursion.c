// Mutual recursion through prototypes: is_even and is_odd, and a tiny recursive-descent calculator.
#include <ctype.h>
#include <stdio.h>

int is_odd(unsigned n);
int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static const char *cursor;
int expression(void);

int factor(void) {
    if (*cursor == '(') {
        cursor++;
        int v = expression();
        cursor++;
        return v;
    }
    int v = 0;
    while (isdigit((unsigned char)*cursor))
        v = v * 10 + (*cursor++ - '0');
    return v;
}

int term(void) {
    int v = factor();
    while (*cursor == '*' || *cursor == '/') {
        char op = *cursor++;
        int rhs = factor();
        v = op == '*' ? v * rhs : v / rhs;
    }
    return v;
}

int expression(void) {
    int v = term();
    while (*cursor == '+' || *cursor == '-') {
        char op = *cursor++;
        int rhs = term();
        v = op == '+' ? v + rhs : v - rhs;
    }
    return v;
}

int main(void) {
    printf("is_even(10)=%d is_odd(7)=%d is_even(7)=%d\n", is_even(10), is_odd(7), is_even(7));
    const char *inputs[] = {"1+2*3", "(1+2)*3", "100/(2+3)-4", "2*(3+(4-1))*5"};
    for (int i = 0; i < 4; i++) {
        cursor = inputs[i];
        printf("%s = %d\n", inputs[i], expression());
    }
    return 0;
}
// models: lp64 ilp32

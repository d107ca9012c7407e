// A stack as a linked list on the heap: evaluating a postfix expression.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

struct frame {
    int value;
    struct frame *below;
};

void push(struct frame **top, int value) {
    struct frame *f = malloc(sizeof(struct frame));
    f->value = value;
    f->below = *top;
    *top = f;
}

int pop(struct frame **top) {
    struct frame *f = *top;
    int value = f->value;
    *top = f->below;
    free(f);
    return value;
}

int eval_postfix(const char *expr) {
    struct frame *stack = NULL;
    for (; *expr; expr++) {
        if (isdigit((unsigned char)*expr)) {
            push(&stack, *expr - '0');
        } else if (*expr != ' ') {
            int b = pop(&stack), a = pop(&stack);
            switch (*expr) {
            case '+': push(&stack, a + b); break;
            case '-': push(&stack, a - b); break;
            case '*': push(&stack, a * b); break;
            case '/': push(&stack, a / b); break;
            }
        }
    }
    return pop(&stack);
}

int main(void) {
    const char *exprs[] = {"3 4 +", "5 1 2 + 4 * + 3 -", "9 3 / 2 *", "2 3 4 * +"};
    for (int i = 0; i < 4; i++)
        printf("%s = %d\n", exprs[i], eval_postfix(exprs[i]));
    return 0;
}
// models: lp64 ilp32

// A stack in a fixed array: balanced brackets.
#include <stdbool.h>
#include <stdio.h>

#define CAPACITY 64

struct stack {
    char items[CAPACITY];
    int top;
};

void push(struct stack *s, char c) { s->items[s->top++] = c; }
char pop(struct stack *s) { return s->items[--s->top]; }
bool is_empty(const struct stack *s) { return s->top == 0; }

bool balanced(const char *text) {
    struct stack s = {.top = 0};
    for (const char *p = text; *p; p++) {
        if (*p == '(' || *p == '[' || *p == '{') {
            push(&s, *p);
        } else if (*p == ')' || *p == ']' || *p == '}') {
            if (is_empty(&s))
                return false;
            char open = pop(&s);
            if ((*p == ')' && open != '(') || (*p == ']' && open != '[') || (*p == '}' && open != '{'))
                return false;
        }
    }
    return is_empty(&s);
}

int main(void) {
    const char *inputs[] = {"(a[i] + {b})", "((]", "f(x(y)", "", "{[()()]}"};
    for (int i = 0; i < 5; i++)
        printf("%-14s %s\n", inputs[i], balanced(inputs[i]) ? "balanced" : "not balanced");
    return 0;
}
// models: lp64 ilp32

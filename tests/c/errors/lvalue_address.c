int main(void) {
    int *p = &42;
    return *p;
}

// expect: 2:14: error: lvalue required as unary '&' operand

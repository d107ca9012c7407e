int main(void) {
    int a = 1;
    (a + 1)++;
    return a;
}

// expect: 3:12: error: lvalue required as increment operand

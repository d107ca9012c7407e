int main(void) {
    int a = 1, b = 2;
    a + b = 3;
    return a;
}

// expect: 3:11: error: lvalue required as left operand of assignment

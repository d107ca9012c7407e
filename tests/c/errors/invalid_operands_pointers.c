int main(void) {
    int x, y;
    int *p = &x, *q = &y;
    return p + q;
}

// expect: 4:14: error: invalid operands to binary + (have 'int *' and 'int *')

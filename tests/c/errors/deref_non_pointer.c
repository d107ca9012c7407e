int main(void) {
    int n = 3;
    return *n;
}

// expect: 3:12: error: invalid type argument of unary '*' (have 'int')

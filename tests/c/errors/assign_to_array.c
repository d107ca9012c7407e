int main(void) {
    int a[3], b[3];
    a = b;
    return 0;
}

// expect: 3:7: error: assignment to expression with array type

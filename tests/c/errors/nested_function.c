int outer(void) {
    int inner(void) { return 1; }
    return inner();
}

// expect: 2:21: error: not supported yet: nested function definitions

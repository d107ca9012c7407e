void greet(void) {
    return 42;
}

// expect: 2:5: error: 'return' with a value, in function returning void

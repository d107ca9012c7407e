int answer(void) {
    return;
}

// expect: 2:5: error: 'return' with no value, in function returning non-void

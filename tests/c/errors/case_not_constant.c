int classify(int n, int k) {
    switch (n) {
    case k: return 1;
    }
    return 0;
}

// expect: 3:10: error: case label is not an integer constant expression

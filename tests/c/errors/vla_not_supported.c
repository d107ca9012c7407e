int sum(int n) {
    int values[n];
    values[0] = 0;
    return values[0];
}

// expect: 2:16: error: not supported yet: variable-length array 'values' (the size is not a constant expression)

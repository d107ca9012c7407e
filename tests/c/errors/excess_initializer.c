int values[2] = {1, 2, 3};
int main(void) { return values[0]; }

// expect: 1:24: warning: excess elements in array initializer

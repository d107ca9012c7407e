int seed(void);
int start = seed();

// expect: 2:17: error: initializer element is not constant

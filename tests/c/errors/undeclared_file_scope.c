int a = b;

// expect: 1:9: error: 'b' undeclared here (not in a function)

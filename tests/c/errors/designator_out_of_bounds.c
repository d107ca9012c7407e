int values[3] = { [5] = 1 };

// expect: 1:19: error: array index in initializer exceeds array bounds

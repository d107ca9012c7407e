int values[2.5];

// expect: 1:12: error: size of array 'values' has non-integer type

int values[-3];

// expect: 1:12: error: size of array 'values' is negative

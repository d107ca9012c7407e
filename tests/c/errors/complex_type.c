_Complex double z;

// expect: 1:1: error: not supported yet: '_Complex'

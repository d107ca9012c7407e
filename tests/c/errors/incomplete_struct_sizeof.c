struct later;
unsigned long size = sizeof(struct later);

// expect: 2:22: error: invalid application of 'sizeof' to incomplete type 'struct later'

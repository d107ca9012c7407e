void nothing;

// expect: 1:6: error: variable 'nothing' declared void

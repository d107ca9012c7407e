int limit = 10;
int limit = 20;

// expect: 2:5: error: redefinition of 'limit'
// expect: 1:5: note: previous definition of 'limit' was here

int twice(int n) { return 2 * n; }
int twice(int n) { return n + n; }

// expect: 2:5: error: redefinition of 'twice'
// expect: 1:5: note: previous definition of 'twice' was here

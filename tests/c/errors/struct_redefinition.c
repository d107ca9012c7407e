struct point { int x; };
struct point { int y; };

// expect: 2:8: error: redefinition of 'struct point'
// expect: 1:8: note: originally defined here

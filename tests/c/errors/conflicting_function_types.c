int area(int w, int h);
int area(double w, double h) { return 0; }

// expect: 2:5: error: conflicting types for 'area'; have 'int (double, double)'
// expect: 1:5: note: previous declaration of 'area' was here

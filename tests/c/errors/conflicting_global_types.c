int counter;
double counter;

// expect: 2:8: error: conflicting types for 'counter'; have 'double'
// expect: 1:5: note: previous declaration of 'counter' was here

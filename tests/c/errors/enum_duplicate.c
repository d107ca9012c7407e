enum color { RED, GREEN };
enum fruit { APPLE, RED };

// expect: 2:21: error: redeclaration of enumerator 'RED'
// expect: 1:14: note: previous declaration of 'RED' was here

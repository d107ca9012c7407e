int value;
int value(void);

// expect: 2:5: error: 'value' redeclared as different kind of symbol
// expect: 1:5: note: previous declaration of 'value' was here

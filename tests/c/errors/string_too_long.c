char word[3] = "hello";
int main(void) { return word[0]; }

// expect: 1:16: warning: initializer-string for array of 'char' is too long

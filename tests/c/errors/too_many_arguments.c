int add(int a, int b) { return a + b; }
int main(void) {
    return add(1, 2, 3);
}

// expect: 3:15: error: too many arguments to function 'add'
// expect: 1:5: note: 'add' declared here

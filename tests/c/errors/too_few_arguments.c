int add(int a, int b) { return a + b; }
int main(void) {
    return add(1);
}

// expect: 3:15: error: too few arguments to function 'add'
// expect: 1:5: note: 'add' declared here

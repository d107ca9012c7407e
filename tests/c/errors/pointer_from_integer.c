int main(void) {
    int *p = 1234;
    return *p;
}

// expect: 2:14: warning: initialization of 'int *' from 'int' makes pointer from integer without a cast

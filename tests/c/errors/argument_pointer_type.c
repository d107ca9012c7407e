void fill(int *p) { *p = 0; }
int main(void) {
    char c;
    fill(&c);
    return 0;
}

// expect: 4:10: warning: passing argument 1 of 'fill' from incompatible pointer type
// expect: 1:6: note: expected 'int *' but argument is of type 'char *'

struct account { int balance; };
int get(struct account a) {
    return a.balanse;
}

// expect: 3:13: error: 'struct account' has no member named 'balanse'; did you mean 'balance'?

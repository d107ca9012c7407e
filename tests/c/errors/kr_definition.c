int add(a, b)
int a, b;
{
    return a + b;
}

// expect: 1:9: error: not supported yet: old-style (K&R) parameter list; declare each parameter with its type, as in 'int f(int a)'

struct flags {
    unsigned ready : 1;
    unsigned done : 1;
};

// expect: 2:14: error: bit-field 'ready': bit-fields are not supported yet
// expect: 3:14: error: bit-field 'done': bit-fields are not supported yet

package io.tunebatch.cli;

/** A problem the user can fix (bad argument, unknown id, missing file); its message says how. */
public class UserError extends RuntimeException {

    static final int EXIT_CODE = 2;

    public UserError(String message) {
        super(message);
    }
}

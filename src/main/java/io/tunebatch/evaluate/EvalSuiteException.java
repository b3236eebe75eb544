package io.tunebatch.evaluate;

/** A suite file that cannot be used; the message names the file, line, case and field. */
public class EvalSuiteException extends RuntimeException {

    public EvalSuiteException(String message) {
        super(message);
    }
}

package io.tunebatch.evaluate;

/** An eval run or a promotion did not reach the gate; the message names the failing cases. */
public class GateFailedException extends RuntimeException {

    public GateFailedException(String message) {
        super(message);
    }
}

package io.tunebatch.review;

/** Review input the user must correct (unknown ids, bad CSV lines); the message lists what and where. */
public class ReviewInputException extends RuntimeException {

    public ReviewInputException(String message) {
        super(message);
    }
}

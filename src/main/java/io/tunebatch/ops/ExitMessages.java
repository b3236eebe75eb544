package io.tunebatch.ops;

/** Spring Batch stores a failure's whole stack trace as the exit description; people need its first line. */
public final class ExitMessages {

    private ExitMessages() {
    }

    /** The first line of an exit description, or null when there is none. */
    public static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        int newline = description.indexOf('\n');
        return newline < 0 ? description : description.substring(0, newline);
    }
}

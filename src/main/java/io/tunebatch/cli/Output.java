package io.tunebatch.cli;

import java.io.PrintStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Command output: one JSON document or readable text on stdout; progress and logs go to stderr. */
public final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Output() {
    }

    public static void json(Object value) {
        out().println(JSON.writeValueAsString(value));
    }

    public static void line(String format, Object... args) {
        out().println(args.length == 0 ? format : String.format(format, args));
    }

    public static void progress(String format, Object... args) {
        System.err.println(String.format(format, args));
    }

    private static PrintStream out() {
        return System.out;
    }
}

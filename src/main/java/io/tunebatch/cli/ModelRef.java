package io.tunebatch.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code NAME:VERSION} on the command line, e.g. {@code support:3}. */
record ModelRef(String name, int version) {

    private static final Pattern FORMAT = Pattern.compile("([^:]+):([1-9][0-9]{0,8})");

    static ModelRef parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new UserError("'" + text + "' is not NAME:VERSION (e.g. support:3)");
        }
        return new ModelRef(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
}

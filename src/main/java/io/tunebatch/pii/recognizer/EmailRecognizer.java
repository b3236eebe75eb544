package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a dot-atom local part (an apostrophe inside it, as in o'neil@, belongs to it;
 * one around the address does not), a host with at least one dot and an alphabetic TLD.
 */
public final class EmailRecognizer extends RegexRecognizer {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])(?<!\\w')[\\w%+-]+(?:'[\\w%+-]+)*(?:\\.[\\w%+-]+(?:'[\\w%+-]+)*)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])",
            Pattern.UNICODE_CHARACTER_CLASS);

    public EmailRecognizer() {
        super("email", EntityTypes.EMAIL_ADDRESS, EMAIL);
    }

    @Override
    boolean mayContain(String text) {
        return text.indexOf('@') >= 0;
    }

    @Override
    double score(String text, Matcher match) {
        return 1.0;
    }
}

package io.tunebatch.support;

import io.tunebatch.pii.PiiDetector;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small real PII detector for tests of code that consumes the PII engine: e-mail addresses only. */
public final class EmailPiiDetector implements PiiDetector {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    @Override
    public List<PiiSpan> detect(String text) {
        Matcher matcher = EMAIL.matcher(text);
        return matcher.results().map(match -> new PiiSpan(match.start(), match.end(), "EMAIL", 1.0, "test-email-regex")).toList();
    }
}

package io.tunebatch.pii.recognizer;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers found by libphonenumber's matcher, which already skips dates, times and
 * page ranges. A number valid for its region scores above the threshold; a merely possible one
 * (right length, unknown range) needs context words. Numbers written with {@code +} are parsed
 * whatever the default regions are.
 */
public final class PhoneRecognizer implements PiiRecognizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final List<String> regions;

    public PhoneRecognizer(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PHONE_NUMBER);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        if (!RegexRecognizer.hasDigit(text, 7)) {
            return;
        }
        int firstOfThisText = out.size();
        for (String region : regions) {
            for (PhoneNumberMatch match : UTIL.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                int start = match.start();
                int end = match.end();
                if (alreadyFound(out, firstOfThisText, start, end)) {
                    continue;
                }
                double score = UTIL.isValidNumber(match.number()) ? 0.75 : 0.4;
                out.add(new PiiSpan(start, end, EntityTypes.PHONE_NUMBER, score, name()));
            }
        }
    }

    private static boolean alreadyFound(List<PiiSpan> out, int from, int start, int end) {
        for (int i = from; i < out.size(); i++) {
            PiiSpan s = out.get(i);
            if (s.start() == start && s.end() == end) {
                return true;
            }
        }
        return false;
    }
}

package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 (each octet 0-255, no leading zeros, not part of a longer dotted run such as a version
 * "1.2.3.4.5" or "v1.2.3.4") and IPv6 (full, compressed with one "::", or with an embedded IPv4
 * tail), validated group by group so times like "12:30:45" never match.
 */
public final class IpAddressRecognizer extends RegexRecognizer {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IP = Pattern.compile(
            "(?<v4>(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\d))"
                    + "|(?<v6>(?<![\\w:.])(?=[0-9A-Fa-f]{0,4}:)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|" + OCTET + "(?:\\." + OCTET + "){3})?(?![\\w:]|\\.\\d))");

    public IpAddressRecognizer() {
        super("ip-address", EntityTypes.IP_ADDRESS, IP);
    }

    @Override
    boolean mayContain(String text) {
        int dots = 0;
        int colons = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c == ':') {
                colons++;
            }
        }
        return dots >= 3 || colons >= 2;
    }

    @Override
    double score(String text, Matcher match) {
        if (match.group("v4") != null) {
            return 0.8;
        }
        return isIpv6(match.group("v6")) ? 0.9 : REJECT;
    }

    static boolean isIpv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0) {
            if (doubleColon != s.lastIndexOf("::")) {
                return false;
            }
            int head = groups(s.substring(0, doubleColon), false);
            int tail = groups(s.substring(doubleColon + 2), true);
            return head >= 0 && tail >= 0 && head + tail <= 7 && (head + tail >= 2 || s.equals("::1"));
        }
        return groups(s, true) == 8;
    }

    /** Number of 16-bit groups in a colon-separated part, or -1 if malformed; an IPv4 tail counts two. */
    private static int groups(String part, boolean ipv4TailAllowed) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.indexOf('.') >= 0) {
                if (!ipv4TailAllowed || i != groups.length - 1) {
                    return -1;
                }
                count += 2;
            } else if (g.isEmpty() || g.length() > 4) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }
}

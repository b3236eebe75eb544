package io.tunebatch.pii.operator;

/**
 * Masks every letter and digit except the last {@code keepLast} ones; separators stay, so
 * {@code 4111-1111-1111-1234} becomes {@code ****-****-****-1234}.
 */
public record MaskOperator(int keepLast, char maskChar) implements AnonymizeOperator {

    public MaskOperator {
        if (keepLast < 0) {
            throw new IllegalArgumentException("mask keep-last must be >= 0, got " + keepLast);
        }
    }

    @Override
    public String apply(String value, String entityType) {
        char[] chars = value.toCharArray();
        int kept = 0;
        for (int i = chars.length - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(chars[i])) {
                if (kept < keepLast) {
                    kept++;
                } else {
                    chars[i] = maskChar;
                }
            }
        }
        return new String(chars);
    }
}

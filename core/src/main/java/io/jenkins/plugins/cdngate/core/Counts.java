package io.jenkins.plugins.cdngate.core;

import java.util.Locale;

/**
 * Request counts as people write them and as reports show them.
 *
 * <p>Input is digits only: a thousands separator is refused rather than guessed, the same way {@link Sizes#parse}
 * refuses it, because {@code 1,000} and {@code 1.000} mean a thousand in some locales and one in others, and a
 * gate must not silently demand a thousand times less (or more) than the user meant. Output groups thousands with
 * commas ({@code 8,000,000}), which cannot be misread as input since input refuses it.
 */
public final class Counts {
    private Counts() {
    }

    /** {@code 8000000} becomes {@code 8,000,000}. */
    public static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * Parses a count given as a Pipeline argument: text as {@link #parse(String)}, or a whole number (Groovy's
     * Integer, Long, BigInteger, BigDecimal) by the same rule.
     *
     * @throws IllegalArgumentException with a one-line message naming what to fix
     */
    public static long parse(Object value) {
        // A number through its exact decimal text, so 1000000 and '1000000' follow one rule (Sizes.argumentText).
        return parse(Sizes.argumentText(value));
    }

    /**
     * Parses a count of requests: digits only, 0 or more, at most {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException with a one-line message naming what to fix
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("count is empty: give a whole number like 1000000");
        }
        String t = text.strip();
        if (Sizes.hasThousandsSeparator(t)) {
            throw new IllegalArgumentException("count '" + t + "' has a thousands separator: write digits only,"
                    + " like " + t.replaceAll("[,_' ]", ""));
        }
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("count '" + t + "' is negative: give 0 or more");
        }
        String digits = t.startsWith("+") ? t.substring(1) : t;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("count '" + t + "' is not a whole number: write digits only, like 1000000");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("count '" + t + "' is too large: at most " + format(Long.MAX_VALUE));
        }
    }
}

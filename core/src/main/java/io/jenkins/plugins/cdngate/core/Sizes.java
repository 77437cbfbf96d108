package io.jenkins.plugins.cdngate.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Data sizes as people write them and as Alibaba Cloud counts them.
 *
 * <p>Every unit is <b>binary</b> (1024-based), whatever its spelling: {@code KB} and {@code KiB} both mean
 * 1024 bytes, {@code GB} and {@code GiB} both mean 1024<sup>3</sup>. That is how Alibaba Cloud sells and
 * reports CDN data-transfer plans: a plan sold as "500 GB" reports {@code InitCapacity} 536870912000 bytes
 * (= 500 x 1024<sup>3</sup>), see the DescribeCdnUserResourcePackage sample in
 * {@code shared/reference/aliyun-cdn-api.md} section 4. Reading "GB" as 10<sup>9</sup> would make a gate
 * demand 7% less than the user meant.
 *
 * <p>Accepted: a plain byte count ({@code 536870912000}), or a number and a unit with or without a space
 * ({@code 500GiB}, {@code 500 GB}, {@code 1.5 TiB}, {@code 500g}); units are case-insensitive:
 * {@code B, K/KB/KiB, M/MB/MiB, G/GB/GiB, T/TB/TiB, P/PB/PiB, E/EB/EiB}. Rejected with a one-line
 * {@link IllegalArgumentException}: empty text, negative numbers, unknown units, a result that is not a whole
 * number of bytes ({@code 1.5}, {@code 0.5 B}, {@code 1.3 KiB}) and anything above {@link Long#MAX_VALUE}
 * (just under 8 EiB).
 *
 * <p>Also rejected, because guessing would silently change the amount:
 * <ul>
 *   <li>bit units: an upper-case prefix with a lower-case {@code b} ({@code Gb}, {@code Mb}, {@code Gib}) is the
 *       usual spelling of bits, 8 times less than bytes, and so are {@code bit}, {@code Gbit}, {@code Mbps}.
 *       An all-lower-case {@code gb} / {@code kb} stays bytes: people type it for bytes, and it carries no sign
 *       of a deliberate bit spelling;</li>
 *   <li>a comma, underscore or apostrophe between digits ({@code 1,000}, {@code 1_000}): a thousands separator
 *       in one locale is a decimal separator in another. {@link Counts#parse} refuses them the same way.</li>
 * </ul>
 */
public final class Sizes {
    private static final BigInteger KIB = BigInteger.valueOf(1024);
    private static final Map<String, Integer> POWERS = Map.ofEntries(
            Map.entry("", 0), Map.entry("b", 0),
            Map.entry("k", 1), Map.entry("kb", 1), Map.entry("kib", 1),
            Map.entry("m", 2), Map.entry("mb", 2), Map.entry("mib", 2),
            Map.entry("g", 3), Map.entry("gb", 3), Map.entry("gib", 3),
            Map.entry("t", 4), Map.entry("tb", 4), Map.entry("tib", 4),
            Map.entry("p", 5), Map.entry("pb", 5), Map.entry("pib", 5),
            Map.entry("e", 6), Map.entry("eb", 6), Map.entry("eib", 6));
    private static final String[] UNIT_NAMES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final Pattern THOUSANDS = Pattern.compile("\\d[,_'\u2019]\\d");
    private static final Pattern TRAILING_UNIT = Pattern.compile("\\d\\s*([A-Za-z]+)$");
    private static final Pattern SIZE = Pattern.compile("([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([A-Za-z]*)");

    private Sizes() {
    }

    /**
     * Parses a size into bytes.
     *
     * @throws IllegalArgumentException with a one-line message naming what to fix
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("size is empty: give a number of bytes or a size like '500 GiB'");
        }
        String trimmed = text.trim();
        Matcher m = SIZE.matcher(trimmed);
        if (hasThousandsSeparator(trimmed)) {
            throw new IllegalArgumentException("size '" + trimmed + "' has a separator between digits: write digits"
                    + " without thousands separators (1000) and a point for decimals (1.5 GiB)");
        }
        if (looksLikeBits(unitOf(trimmed))) {
            throw new IllegalArgumentException("size '" + trimmed + "' looks like bits; use " + byteUnits(unitOf(trimmed))
                    + " (all units are bytes, 1024-based)");
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("size '" + trimmed
                    + "' is not a number with an optional unit: write it like '536870912000', '500GiB' or '1.5 TiB'");
        }
        if (m.group(1).equals("-")) {
            throw new IllegalArgumentException("size '" + trimmed + "' is negative: give 0 or more");
        }
        Integer power = POWERS.get(m.group(3).toLowerCase(Locale.ROOT));
        if (power == null) {
            throw new IllegalArgumentException("size '" + trimmed + "' has an unknown unit '" + m.group(3)
                    + "': use B, KiB, MiB, GiB, TiB, PiB or EiB (KB, MB, GB, TB, PB, EB mean the same, 1024-based)");
        }
        BigDecimal bytes = new BigDecimal(m.group(2)).multiply(new BigDecimal(KIB.pow(power)));
        BigInteger whole;
        try {
            whole = bytes.setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException("size '" + trimmed + "' is " + bytes.stripTrailingZeros().toPlainString()
                    + " bytes, not a whole number of bytes: use a whole byte count or a smaller unit");
        }
        if (whole.bitLength() > 63) {
            // Not "(8.0 EiB)": brief() rounds Long.MAX_VALUE up to 8.0 EiB, which is itself too large.
            throw new IllegalArgumentException("size '" + trimmed + "' is too large: at most " + Long.MAX_VALUE
                    + " bytes (just under 8 EiB)");
        }
        return whole.longValueExact();
    }

    /**
     * Parses a size given as a Pipeline argument: text as {@link #parse(String)}, or a number (Groovy's Integer,
     * Long, BigInteger, BigDecimal, Double) by the same rules, through its exact decimal text
     * ({@link #argumentText}): a whole number of bytes, 0 or more, at most {@link Long#MAX_VALUE}.
     *
     * @throws IllegalArgumentException with a one-line message naming what to fix
     */
    public static long parse(Object value) {
        return parse(argumentText(value));
    }

    /**
     * The text a Pipeline step keeps for a size or count argument: text as given, a number as its exact decimal
     * digits ({@code 1073741824}, {@code 1.5}, {@code 1E+12} as {@code 1000000000000}; NaN and infinities as
     * {@code NaN} / {@code Infinity}, which no parse accepts), anything else as its string form, refused when parsed.
     * A step's fields stay text, so the snippet generator writes what it always wrote, and a number is checked by
     * exactly the rules its text would be.
     */
    public static String argumentText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? String.valueOf(d)
                    : new BigDecimal(Double.toString(d)).toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof java.util.concurrent.atomic.AtomicInteger
                || value instanceof java.util.concurrent.atomic.AtomicLong) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        return String.valueOf(value);
    }

    /** Whether a comma, underscore or apostrophe stands between two digits ({@code 1,000}, {@code 1_000}). */
    static boolean hasThousandsSeparator(String text) {
        return THOUSANDS.matcher(text).find();
    }

    /** The letters after the number, as written. */
    private static String unitOf(String text) {
        Matcher u = TRAILING_UNIT.matcher(text);
        return u.find() ? u.group(1) : "";
    }

    /**
     * {@code Gb}, {@code Mib}, {@code bit}, {@code Gbit}, {@code Mbps}: the usual spellings of bits. An all-lower-case
     * {@code gb} is taken as bytes (see the class comment).
     */
    static boolean looksLikeBits(String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        if (lower.endsWith("bit") || lower.endsWith("bits") || lower.endsWith("bps")) {
            return true;
        }
        return unit.length() > 1 && unit.endsWith("b") && !unit.equals(lower) && POWERS.containsKey(lower);
    }

    /** {@code Gb} -> "GB or GiB"; a bare {@code bit} -> "B". */
    private static String byteUnits(String unit) {
        char prefix = unit.isEmpty() ? 'b' : Character.toUpperCase(unit.charAt(0));
        return "KMGTPE".indexOf(prefix) >= 0 ? prefix + "B or " + prefix + "iB" : "B";
    }

    /** {@code 536870912000} becomes {@code 500.0 GiB (536870912000 bytes)}; below 1 KiB just {@code 512 bytes}. */
    public static String human(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        return brief(bytes) + " (" + bytes + " bytes)";
    }

    /** {@code 536870912000} becomes {@code 500.0 GiB}, one decimal, rounded half-up; below 1 KiB {@code 512 B}. */
    public static String brief(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + " B";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = 0;
        BigDecimal k = new BigDecimal(KIB);
        while (value.abs().compareTo(k) >= 0 && unit < UNIT_NAMES.length - 1) {
            value = value.divide(k);
            unit++;
        }
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP);
        if (rounded.abs().compareTo(k) >= 0 && unit < UNIT_NAMES.length - 1) {
            // 1023.96 GiB rounds to 1024.0 GiB: show it as 1.0 TiB instead
            rounded = value.divide(k).setScale(1, RoundingMode.HALF_UP);
            unit++;
        }
        if (unit == UNIT_NAMES.length - 1 && rounded.compareTo(BigDecimal.valueOf(8)) >= 0) {
            // A long is at most 2^63 - 1 bytes, one byte under 8 EiB: "8.0 EiB" would claim the limit itself.
            return "just under 8.0 " + UNIT_NAMES[unit];
        }
        return rounded.toPlainString() + " " + UNIT_NAMES[unit];
    }
}

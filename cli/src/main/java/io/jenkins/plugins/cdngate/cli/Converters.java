package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.LockPolicy;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Sizes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters. Each throws {@link TypeConversionException} with a one-line message, which
 * picocli prefixes with the option name ("Invalid value for option '--timeout': ...").
 */
final class Converters {
    private Converters() {
    }

    /** {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT10S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            return parse(value);
        }

        static Duration parse(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.startsWith("-") || text.startsWith("pt-")) {
                throw negative(value);
            }
            if (text.startsWith("pt")) {
                try {
                    return nonNegative(value, Duration.parse(text.toUpperCase(Locale.ROOT)));
                } catch (DateTimeParseException e) {
                    throw invalid(value);
                }
            }
            Matcher m = SIMPLE.matcher(text);
            if (!m.matches()) {
                throw invalid(value);
            }
            String unit = m.group(2) == null ? "s" : m.group(2);
            BigDecimal millisPerUnit = BigDecimal.valueOf(switch (unit) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            });
            BigDecimal millis = new BigDecimal(m.group(1)).multiply(millisPerUnit);
            if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000L)) > 0) {
                throw new TypeConversionException("'" + value.trim() + "' is too long a duration");
            }
            if (millis.stripTrailingZeros().scale() > 0) {
                throw new TypeConversionException("'" + value.trim() + "' is finer than a millisecond");
            }
            return Duration.ofMillis(millis.longValueExact());
        }

        private static Duration nonNegative(String value, Duration d) {
            if (d.isNegative()) {
                throw negative(value);
            }
            return d;
        }

        private static TypeConversionException negative(String value) {
            return new TypeConversionException("'" + value.trim() + "' must not be negative: write it like 500ms, 10s, "
                    + "1.5s, 2m or 1h");
        }

        private static TypeConversionException invalid(String value) {
            return new TypeConversionException("'" + value.trim()
                    + "' is not a duration: write it like 500ms, 10s, 1.5s, 2m or 1h");
        }
    }

    /** A core parser's one-line {@link IllegalArgumentException} becomes picocli's conversion error. */
    private static <T> T parsed(Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A size in core's syntax: {@code 536870912000}, {@code 500GiB}, {@code 500 GB}, {@code 1.5 TiB}. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parsed(Sizes::parse, value);
        }
    }

    /** A count (requests) in core's syntax: digits only; thousands separators refused, as for sizes. */
    static final class CountConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parsed(Counts::parse, value);
        }
    }

    /** {@code --attempts}: a whole number, 1 or more (1 = no retry). */
    static final class AttemptsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 1, 100, "attempts (1 = no retry, default 4)");
        }
    }

    /** {@code --expiry-warning-days}: a whole number of days, 0 or more. */
    static final class DaysConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) whole(value, 0, 36_500, "days");
        }
    }

    private static long whole(String value, long min, long max, String what) {
        String text = value.trim();
        String range = max == Long.MAX_VALUE ? min + " or more" : min + " to " + max;
        if (text.matches("-?\\d{19,}")) {
            // a whole number all the same, only too large for any range here: say so, not "not a whole number"
            throw new TypeConversionException("'" + text + "' is out of range: give " + range + " " + what);
        }
        if (!text.matches("-?\\d{1,18}")) {
            throw new TypeConversionException("'" + text + "' is not a whole number: give " + range + " " + what);
        }
        long number = Long.parseLong(text);
        if (number < min || number > max) {
            throw new TypeConversionException("'" + text + "' is out of range: give " + range + " " + what);
        }
        return number;
    }

    /** A rate in calls per second: a finite number above 0 ({@code NaN}, {@code Infinity}, 0 and negatives refused). */
    static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String text = value.trim();
            double rate;
            try {
                rate = text.matches("\\d+(\\.\\d+)?|\\.\\d+") ? Double.parseDouble(text) : Double.NaN;
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new TypeConversionException("'" + text + "' is not a rate: give calls per second above 0, "
                        + "e.g. 10 or 0.5 (--no-rate-limit turns limiting off)");
            }
            return rate;
        }
    }

    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return parsed(Mode::parse, value);
        }
    }

    static final class LockPolicyConverter implements ITypeConverter<LockPolicy> {
        @Override
        public LockPolicy convert(String value) {
            return parsed(LockPolicy::parse, value);
        }
    }
}

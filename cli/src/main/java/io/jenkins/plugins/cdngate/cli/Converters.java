package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.LockPolicy;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Sizes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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
                throw invalid(value);
            }
            return d;
        }

        private static TypeConversionException invalid(String value) {
            return new TypeConversionException("'" + value.trim()
                    + "' is not a duration: write it like 500ms, 10s, 1.5s, 2m or 1h");
        }
    }

    /** A size in core's syntax: {@code 536870912000}, {@code 500GiB}, {@code 500 GB}, {@code 1.5 TiB}. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Sizes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A count (requests): a whole number, 0 or more, with optional {@code _} or {@code ,} separators. */
    static final class CountConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String digits = value.trim().replace("_", "").replace(",", "");
            if (!digits.matches("\\d{1,18}")) {
                throw new TypeConversionException("'" + value.trim() + "' is not a whole number of requests (0 or more)");
            }
            return Long.parseLong(digits);
        }
    }

    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LockPolicyConverter implements ITypeConverter<LockPolicy> {
        @Override
        public LockPolicy convert(String value) {
            try {
                return LockPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

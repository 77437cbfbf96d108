package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Test;
import picocli.CommandLine.TypeConversionException;

public class DurationOptionTest {
    private static final Object[][] VALID = {
            {"10s", Duration.ofSeconds(10)},
            {"500ms", Duration.ofMillis(500)},
            {"1.5s", Duration.ofMillis(1500)},
            {"2m", Duration.ofMinutes(2)},
            {"1h", Duration.ofHours(1)},
            {"30", Duration.ofSeconds(30)},
            {" 5 S ", Duration.ofSeconds(5)},
            {"PT10S", Duration.ofSeconds(10)},
            {"0s", Duration.ZERO},
    };

    private static final String[] INVALID = {"", "ten seconds", "-1s", "5d", "1.0005s", "10 parsecs", "PT-1S",
            "99999999999999999999h"};

    @Test
    public void aNegativeDurationIsCalledNegativeNotUnreadable() {
        for (String value : new String[] {"-1s", "-500ms", "-2", "PT-1S", " -1h "}) {
            TypeConversionException e = assertThrows(value, TypeConversionException.class,
                    () -> Converters.DurationConverter.parse(value));
            assertEquals("'" + value.trim() + "' must not be negative: write it like 500ms, 10s, 1.5s, 2m or 1h",
                    e.getMessage());
        }
    }

    @Test
    public void acceptsTheDocumentedForms() {
        for (Object[] row : VALID) {
            assertEquals((String) row[0], row[1], Converters.DurationConverter.parse((String) row[0]));
        }
    }

    @Test
    public void rejectsAnythingElseWithAOneLineMessageNamingTheValue() {
        for (String value : INVALID) {
            TypeConversionException e = assertThrows(value, TypeConversionException.class,
                    () -> Converters.DurationConverter.parse(value));
            assertTrue(e.getMessage(), e.getMessage().contains("'" + value.trim() + "'"));
            assertTrue(e.getMessage(), !e.getMessage().contains("\n"));
        }
    }
}

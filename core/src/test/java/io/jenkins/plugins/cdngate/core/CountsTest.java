package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class CountsTest {

    @Test
    public void formatGroupsThousandsWithCommas() {
        assertEquals("0", Counts.format(0));
        assertEquals("999", Counts.format(999));
        assertEquals("1,000", Counts.format(1000));
        assertEquals("8,000,000", Counts.format(8_000_000));
        assertEquals("-1,000", Counts.format(-1000));
    }

    @Test
    public void parseTakesDigitsOnly() {
        assertEquals(1_000_000L, Counts.parse("1000000"));
        assertEquals(0L, Counts.parse(" 0 "));
        assertEquals(7L, Counts.parse("+7"));
        assertEquals(Long.MAX_VALUE, Counts.parse("9223372036854775807"));
    }

    /** text -> a word the one-line message must contain. */
    private static final String[][] INVALID = {
            {"", "empty"},
            {"1,000", "thousands separator"},
            {"1_000", "thousands separator"},
            {"1'000", "thousands separator"},
            {"-1", "negative"},
            {"1.5", "not a whole number"},
            {"1e6", "not a whole number"},
            {"10k", "not a whole number"},
            {"9223372036854775808", "too large"},
    };

    @Test
    public void parseRefusesSeparatorsAndNonDigitsInOneLine() {
        for (String[] row : INVALID) {
            IllegalArgumentException e = assertThrows(row[0], IllegalArgumentException.class, () -> Counts.parse(row[0]));
            assertTrue(row[0] + ": " + e.getMessage(), e.getMessage().contains(row[1]));
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        }
    }

    @Test
    public void separatorMessageShowsTheDigitsToWriteInstead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Counts.parse("1,000,000"));
        assertEquals("count '1,000,000' has a thousands separator: write digits only, like 1000000", e.getMessage());
    }
}

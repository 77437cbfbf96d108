package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SizesTest {

    /** text -> bytes; every unit is binary because Alibaba's "500 GB" plan holds 536870912000 bytes. */
    private static final Object[][] VALID = {
            {"536870912000", 536870912000L},
            {"0", 0L},
            {"500GiB", 536870912000L},
            {"500 GB", 536870912000L},
            {"500gb", 536870912000L},
            {"500g", 536870912000L},
            {"  500 GiB  ", 536870912000L},
            {"1.5 TiB", 1649267441664L},
            {"1.5TB", 1649267441664L},
            {"0.5 KiB", 512L},
            {"1 B", 1L},
            {"3 MiB", 3145728L},
            {"1 PiB", 1125899906842624L},
            {"7 EiB", 8070450532247928832L},
            {"7EB", 8070450532247928832L},
            {"1e", 1152921504606846976L},
            {"2 kb", 2048L}, // all lower case stays bytes: people type it for bytes
            {"500b", 500L},
            {"+7", 7L},
            {"9223372036854775807", Long.MAX_VALUE},
    };

    /** text -> a word the one-line message must contain. */
    private static final String[][] INVALID = {
            {"", "empty"},
            {"   ", "empty"},
            {"-1", "negative"},
            {"-5 GiB", "negative"},
            {"1.5", "whole number of bytes"},
            {"0.5 B", "whole number of bytes"},
            {"1.3 KiB", "whole number of bytes"},
            {"500 XB", "unknown unit"},
            {"500 gigabytes", "unknown unit"},
            {"9223372036854775808", "too large"},
            {"8192 PiB", "too large"},
            {"abc", "not a number"},
            {"5 5 GiB", "not a number"},
            {"GiB", "not a number"},
            {"1e3", "not a number"},
            {"8EiB", "too large"},
            {"500Gb", "looks like bits; use GB or GiB"},
            {"500 Mb", "looks like bits; use MB or MiB"},
            {"1 Kb", "looks like bits; use KB or KiB"},
            {"2Tb", "looks like bits; use TB or TiB"},
            {"1 Gib", "looks like bits; use GB or GiB"},
            {"100 Mbit", "looks like bits; use MB or MiB"},
            {"100 Mbps", "looks like bits; use MB or MiB"},
            {"8 bits", "looks like bits; use B"},
            {"1,000", "separator between digits"},
            {"1,5 GiB", "separator between digits"},
            {"1_000 GiB", "separator between digits"},
    };

    @Test
    public void parsesEveryAcceptedSpellingAsBinaryBytes() {
        for (Object[] row : VALID) {
            assertEquals("Sizes.parse(\"" + row[0] + "\")", (long) (Long) row[1], Sizes.parse((String) row[0]));
        }
    }

    @Test
    public void rejectsBadSizesWithOneLineMessageNamingTheProblem() {
        for (String[] row : INVALID) {
            IllegalArgumentException e = assertThrows("Sizes.parse(\"" + row[0] + "\")", IllegalArgumentException.class,
                    () -> Sizes.parse(row[0]));
            assertTrue("message for '" + row[0] + "' should mention '" + row[1] + "': " + e.getMessage(),
                    e.getMessage().contains(row[1]));
            assertFalse("one line: " + e.getMessage(), e.getMessage().contains("\n"));
        }
    }

    @Test
    public void tooLargeMessageDoesNotNameALimitThatIsItselfTooLarge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse("8 EiB"));
        assertEquals("size '8 EiB' is too large: at most 9223372036854775807 bytes (just under 8 EiB)", e.getMessage());
    }

    @Test
    public void rejectsNullAsEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(null));
        assertTrue(e.getMessage().contains("empty"));
    }

    @Test
    public void rejectsAFractionOfAByteJustBelowTheLimit() {
        assertThrows(IllegalArgumentException.class, () -> Sizes.parse("8191.9999999999999991 PiB"));
    }

    @Test
    public void humanShowsBinaryUnitAndExactBytes() {
        assertEquals("500.0 GiB (536870912000 bytes)", Sizes.human(536870912000L));
        assertEquals("1.5 TiB (1649267441664 bytes)", Sizes.human(1649267441664L));
        assertEquals("1.0 KiB (1024 bytes)", Sizes.human(1024));
        assertEquals("0 bytes", Sizes.human(0));
        assertEquals("1 byte", Sizes.human(1));
        assertEquals("1023 bytes", Sizes.human(1023));
        assertEquals("just under 8.0 EiB (9223372036854775807 bytes)", Sizes.human(Long.MAX_VALUE));
        assertEquals("just under 8.0 EiB", Sizes.brief(Long.MAX_VALUE - (1L << 50)));
        assertEquals("7.9 EiB", Sizes.brief(Long.MAX_VALUE - (1L << 57)));
    }

    @Test
    public void briefShowsOneDecimalAndRollsOverToTheNextUnit() {
        assertEquals("500.0 GiB", Sizes.brief(536870912000L));
        assertEquals("1.0 TiB", Sizes.brief(1099511627775L)); // 1023.99999 GiB rounds up to the next unit
        assertEquals("512 B", Sizes.brief(512));
        assertEquals("10.0 TiB", Sizes.brief(10995116277760L));
    }

    @Test
    public void humanAndParseRoundTripForWholeUnits() {
        for (String s : new String[] {"1 KiB", "500 GiB", "3 TiB", "2 PiB"}) {
            long bytes = Sizes.parse(s);
            assertEquals(bytes, Sizes.parse(Sizes.brief(bytes)));
        }
    }
}

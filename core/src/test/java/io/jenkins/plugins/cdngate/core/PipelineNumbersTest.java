package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.Test;

/**
 * Issue 8 item 9: Pipeline users write {@code minBytes: 1073741824, minRequests: 1000000} (Groovy numbers: Integer,
 * Long, BigInteger, BigDecimal) as often as text; both are read by the same rules, and a bad value is one line.
 */
public class PipelineNumbersTest {

    @Test
    public void sizesAcceptWholeNumbersAndText() {
        assertEquals(1073741824L, Sizes.parse((Object) 1073741824));
        assertEquals(10737418240L, Sizes.parse((Object) 10737418240L));
        assertEquals(536870912000L, Sizes.parse((Object) new BigInteger("536870912000")));
        assertEquals(1024L, Sizes.parse((Object) new BigDecimal("1024.0")));
        assertEquals(1024L, Sizes.parse((Object) 1024.0d));
        assertEquals(0L, Sizes.parse((Object) 0));
        assertEquals(1073741824L, Sizes.parse((Object) "1GiB"));
        assertEquals(1073741824L, Sizes.parse((Object) new StringBuilder("1 GiB")));
    }

    @Test
    public void countsAcceptWholeNumbersAndText() {
        assertEquals(1000000L, Counts.parse((Object) 1000000));
        assertEquals(1000000L, Counts.parse((Object) 1000000L));
        assertEquals(1000000L, Counts.parse((Object) new BigDecimal("1000000")));
        assertEquals(1000000L, Counts.parse((Object) "1000000"));
    }

    /** value -> what the one line must say */
    private static final Object[][] BAD_SIZES = {
            {new BigDecimal("1.5"), "not a whole number of bytes"},
            {1.5d, "not a whole number of bytes"},
            {-5, "negative"},
            {new BigInteger("-1"), "negative"},
            {new BigInteger("99999999999999999999999"), "too large"},
            {Double.NaN, "not a number"},
            {Double.POSITIVE_INFINITY, "not a number"},
            {1e300d, "too large"},
            {Boolean.TRUE, "not a number"},
    };

    @Test
    public void badSizesAreOneLineErrors() {
        for (Object[] row : BAD_SIZES) {
            IllegalArgumentException e = assertThrows(String.valueOf(row[0]), IllegalArgumentException.class,
                    () -> Sizes.parse(row[0]));
            assertTrue(row[0] + ": " + e.getMessage(), e.getMessage().contains((String) row[1]));
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
            assertFalse(e.getMessage(), e.getMessage().contains("Exception"));
        }
    }

    @Test
    public void badCountsAreOneLineErrors() {
        Object[][] bad = {{new BigDecimal("1.5"), "not a whole number"}, {-1, "negative"},
                {new BigInteger("99999999999999999999999"), "too large"}, {Double.NaN, "not a whole number"}};
        for (Object[] row : bad) {
            IllegalArgumentException e = assertThrows(String.valueOf(row[0]), IllegalArgumentException.class,
                    () -> Counts.parse(row[0]));
            assertTrue(row[0] + ": " + e.getMessage(), e.getMessage().contains((String) row[1]));
        }
    }

    @Test
    public void argumentTextKeepsTextAndWritesNumbersExactly() {
        // what a Pipeline step keeps (its fields stay text, so the snippet generator writes what it wrote before)
        assertEquals("1073741824", Sizes.argumentText(1073741824));
        assertEquals("10737418240", Sizes.argumentText(10737418240L));
        assertEquals("1.5", Sizes.argumentText(new BigDecimal("1.5")));
        assertEquals("1000000000000", Sizes.argumentText(new BigDecimal("1E+12")));
        assertEquals("500GiB", Sizes.argumentText("500GiB"));
        assertEquals(null, Sizes.argumentText(null));
        // a text form of a number is parsed by the same rules as the number
        for (Object[] row : BAD_SIZES) {
            IllegalArgumentException viaText = assertThrows(IllegalArgumentException.class,
                    () -> Sizes.parse(Sizes.argumentText(row[0])));
            assertTrue(row[0] + ": " + viaText.getMessage(), viaText.getMessage().contains((String) row[1]));
        }
    }
}

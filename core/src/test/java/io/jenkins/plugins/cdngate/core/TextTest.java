package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class TextTest {

    /** input -> one line as printed */
    private static final String[][] ESCAPES = {
            {"plain text, 中国 & <b>", "plain text, 中国 & <b>"},
            {"a\nb", "a\\nb"},
            {"a\r\nb", "a\\r\\nb"},
            {"a\tb", "a\\tb"},
            {"\u0000\u001b[31m", "\\u0000\\u001b[31m"},
            {"del\u007f", "del\\u007f"},
            {"nel\u0085c1\u009f", "nel\\u0085c1\\u009f"},
            {"ls\u2028ps\u2029", "ls\\u2028ps\\u2029"},
            {"back\\slash", "back\\slash"},
            {"", ""},
    };

    @Test
    public void controlCharactersAndLineSeparatorsAreWrittenAsEscapes() {
        for (String[] row : ESCAPES) {
            assertEquals(row[0], row[1], Text.oneLine(row[0]));
            // idempotent: a line already made one line passes unchanged (the builder and ReportText both apply it)
            assertEquals(row[1], row[1], Text.oneLine(row[1]));
        }
        assertNull(Text.oneLine(null));
    }
}

package io.jenkins.plugins.cdngate.core.forecast;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class ReadingsTest {
    private static final Reading R = new Reading(Instant.parse("2026-11-30T10:00:00Z"), 536870912000L);

    @Test
    public void aLineIsOneJsonObjectWithTheTimeAndTheBytes() {
        assertEquals("{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}", Readings.line(R));
        assertEquals("{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":1}",
                Readings.line(new Reading(Instant.parse("2026-11-30T10:00:00.123456Z"), 1)));
    }

    @Test
    public void linesWrittenAreReadBackAndUnknownKeysAreIgnored() {
        Readings.Parsed p = Readings.parse(List.of(Readings.line(R),
                "{\"at\":\"2026-12-01T10:00:00Z\",\"remainingBytes\":5,\"gate\":\"require-quota\"}"));
        assertEquals(List.of(R, new Reading(Instant.parse("2026-12-01T10:00:00Z"), 5)), p.readings());
        assertEquals(0, p.skipped());
        assertNull(p.skippedSummary("h.jsonl"));
    }

    @Test
    public void unreadableLinesAreSkippedAndCountedNeverFatal() {
        Readings.Parsed p = Readings.parse(List.of(
                "",
                "not json",
                Readings.line(R),
                "{\"at\":\"yesterday\",\"remainingBytes\":5}",
                "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":-5}",
                "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":1.5}",
                "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":99999999999999999999}",
                "{\"at\":\"2026-11-30T10:00:00Z\"}",
                "[1,2]",
                "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":5} trailing",
                "   "));
        assertEquals(List.of(R), p.readings());
        assertEquals(8, p.skipped());
        assertEquals(2, p.firstSkippedLine());
        assertEquals("History file h.jsonl: 8 unreadable lines skipped (first: line 2); each line must be like "
                + "{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}", p.skippedSummary("h.jsonl"));
    }

    @Test
    public void anAtWithAnOffsetIsReadAsThatInstantAndAnAtWithoutOneIsSkipped() {
        Readings.Parsed p = Readings.parse(List.of(
                "{\"at\":\"2026-11-30T18:00:00+08:00\",\"remainingBytes\":536870912000}",
                "{\"at\":\"2026-11-30T05:00:00-05:00\",\"remainingBytes\":536870912000}",
                "{\"at\":\"2026-11-30T10:00:00\",\"remainingBytes\":5}",
                "{\"at\":\"2026-11-30\",\"remainingBytes\":5}"));
        assertEquals(List.of(R, R), p.readings());
        assertEquals(2, p.skipped());
        assertEquals(3, p.firstSkippedLine());
        // written back in UTC
        assertEquals("{\"at\":\"2026-11-30T10:00:00Z\",\"remainingBytes\":536870912000}",
                Readings.line(p.readings().get(0)));
    }
}

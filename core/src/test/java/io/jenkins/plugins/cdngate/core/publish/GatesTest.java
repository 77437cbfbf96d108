package io.jenkins.plugins.cdngate.core.publish;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.Test;

public class GatesTest {
    @Test
    public void aPoolWhoseLastPlanEndsWithCapacityLeftLastsUntilThenInTheSentenceOfEveryForm() {
        assertEquals("About 180 days of data transfer left at the average pace since the plans started, 2.6 GiB a day;"
                + " lasts until 2027-06-01, 269.9 GiB (289808384000 bytes) expires unused in plans that end before they"
                + " are used up.", Gates.pace(PublishSamples.requireQuotaLastsUntil()));
        String html = HtmlReport.render(List.of(PublishSamples.requireQuotaLastsUntil()), Instant.parse("2026-12-02T00:40:00Z"));
        String md = MarkdownSummary.render(List.of(PublishSamples.requireQuotaLastsUntil()));
        for (String form : List.of(html, md)) {
            assertTrue(form, form.contains("lasts until 2027-06-01"));
            for (String line : form.split("\n")) {
                // plans may run out before they end; the pool does not
                assertFalse(line, line.contains("days of data transfer left") && line.contains("runs out"));
            }
        }
    }

    @Test
    public void aPoolUsedUpAtItsEndRunsOutThenAndSaysWhatEarlierPlansLose() {
        assertTrue(Gates.pace(PublishSamples.requireQuota()), Gates.pace(PublishSamples.requireQuota())
                .endsWith("; runs out 2027-05-22; 49.0 GiB (52613349376 bytes) expires unused in plans that end before"
                        + " they are used up."));
    }
}

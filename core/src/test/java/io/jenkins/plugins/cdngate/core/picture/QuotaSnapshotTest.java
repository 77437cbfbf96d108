package io.jenkins.plugins.cdngate.core.picture;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.EmulatorFixture;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Test;

/** A snapshot of a real gate run (real SDK, real HTTP, the emulator) holds what the picture needs, and nothing made up. */
public class QuotaSnapshotTest extends EmulatorFixture {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final long GIB = 1L << 30;

    @Test
    public void aRequireQuotaReportGivesThresholdsPaceAndOneBarPerReadablePlan() throws Exception {
        account().activated(true)
                .plan(Plan.dataTransfer("FP-1", "中国内地流量包", 300 * GIB, 500 * GIB, "2026-08-24T00:00:00Z",
                        "2027-08-24T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-2", "unused yet", 100 * GIB, 100 * GIB, "2026-11-01T00:00:00Z",
                        "2027-11-01T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-3", "broken", 0, 100 * GIB, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
                        .withCurrCapacity("not a number"))
                .plan(Plan.httpsRequests("HTTPS-1", "https", 8_000_000, 10_000_000, "2026-01-01T00:00:00Z",
                        "2027-01-01T00:00:00Z"));
        RequireQuotaRequest request = new RequireQuotaRequest(key(), connection(), 100 * GIB, 200 * GIB, null, null, null,
                null);
        Report report = RequireQuota.run(request, Clock.fixed(NOW, ZoneOffset.UTC));

        QuotaSnapshot s = QuotaSnapshot.of(report, NOW);

        assertEquals(NOW, s.at());
        assertEquals(report.verdict().name(), s.verdict());
        assertEquals(Long.valueOf(100 * GIB), s.minBytes());
        assertEquals(Long.valueOf(200 * GIB), s.warnBytes());
        assertEquals(Long.valueOf(400 * GIB), s.remainingBytes());
        // FP-3's capacity is unreadable: no bar rather than an invented number
        assertEquals(List.of("FP-1", "FP-2", "HTTPS-1"), s.plans().stream().map(PlanBar::instanceId).toList());
        PlanBar used = s.plans().get(0);
        assertEquals("中国内地流量包", used.name());
        assertEquals(PlanBar.BYTES, used.unit());
        assertEquals(300 * GIB, used.remaining());
        assertEquals(500 * GIB, used.total());
        assertEquals(Instant.parse("2027-08-24T00:00:00Z"), used.endsAt());
        // the pool's drain (core.forecast) decides each plan's date; the snapshot carries it unchanged
        assertNotNull(used.runOutAt());
        assertEquals(report.forecast().plans().stream().filter(f -> f.instanceId().equals("FP-1")).findFirst()
                .orElseThrow().runOutAt(), used.runOutAt());
        assertEquals(report.forecast().plans().stream().filter(f -> f.instanceId().equals("FP-2")).findFirst()
                .orElseThrow().runOutAt(), s.plans().get(1).runOutAt());
        assertFalse("request plans count only with a minimum", s.plans().get(2).counted());
        assertEquals(report.forecast().pool().daysLeft(), s.daysLeft());
        assertEquals(report.forecast().pool().runOutAt(), s.poolRunOutAt());
        assertEquals(2, s.pool().size());

        String desc = SvgChecks.desc(SvgChecks.assertSafe(QuotaPicture.svg(s)));
        assertTrue(desc, desc.contains("Plan 中国内地流量包 (FP-1), data transfer: 300.0 GiB (322122547200 bytes) left"));
        assertTrue(desc, desc.contains("In the pool's drain it runs out " + Markup.date(used.runOutAt())));
    }
}

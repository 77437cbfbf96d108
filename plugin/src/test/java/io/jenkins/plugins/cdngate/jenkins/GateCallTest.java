package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.GIB;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.EnsureActive;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.picture.QuotaPicture;
import io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * What a build stores of a gate call (no Jenkins needed): the picture drawn from the stored numbers is the one the
 * report gives, the reading a later build takes as history is core's verified one, and the stored form has only
 * plain fields XStream can write and read back.
 */
public class GateCallTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123456789Z");

    private CdnEmulator emu;

    @Before
    public void startEmulator() {
        emu = GateFixture.startEmulator();
        emu.addAccount(GateFixture.usedAccount(400));
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private Report quota() throws InterruptedException {
        return RequireQuota.run(RequireQuotaRequest.of(AccessKey.of(KEY_ID, SECRET).withSource("test"),
                ConnectionSettings.defaults().withEndpoint(emu.endpoint()), 100 * GIB).withDaysLeft(10, 20),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    public void aSecondProblemIsKeptForTheSummaryBesideTheReason() throws Exception {
        // 400 GiB left, at least 500 GiB required, and no request plan for the 1,000 requests required: two FAILs
        Report report = RequireQuota.run(new RequireQuotaRequest(AccessKey.of(KEY_ID, SECRET).withSource("test"),
                ConnectionSettings.defaults().withEndpoint(emu.endpoint()), 500 * GIB, null, 1000L, null, null, null),
                Clock.fixed(NOW, ZoneOffset.UTC));
        GateCall call = GateCall.of(1, null, "pool", report, NOW, 1000L);
        assertEquals("FAIL", call.getVerdict());
        assertEquals("the picture marks the request minimum", Long.valueOf(1000), call.snapshot().minRequests());
        assertEquals(report.otherProblems().size(), call.getOtherProblems().size());
        assertEquals(1, call.getOtherProblems().size());
        assertTrue(call.getOtherProblems().get(0), call.getOtherProblems().get(0).startsWith("FAIL: "));
        assertFalse(call.getOtherProblems().get(0), call.getReason().contains(call.getOtherProblems().get(0)
                .substring("FAIL: ".length())));
        assertEquals("a single problem is the reason alone", List.of(), GateCall.of(1, null, "pool", quota(), NOW, null)
                .getOtherProblems());
    }

    @Test
    public void theStoredNumbersDrawTheReportsPictureAgain() throws Exception {
        Report report = quota();
        GateCall call = GateCall.of(1, "stage 'quota', step 7", "pool", report, NOW, null);

        QuotaSnapshot fromReport = QuotaSnapshot.of(report, NOW);
        assertEquals(fromReport, call.snapshot());
        assertEquals(QuotaPicture.svg(fromReport), QuotaPicture.svg(call.snapshot()));
        assertTrue(call.hasPicture());
        assertEquals("400.0 GiB", call.getRemainingText());
        assertNotNull("a plan used since January has a pace", call.getDaysLeft());
        assertNotNull(call.getRunOutText());
        assertEquals("#1 require-quota, stage 'quota', step 7", call.getTitle());
    }

    @Test
    public void theReadingKeptForLaterBuildsIsCoresVerifiedReading() throws Exception {
        Report report = quota();
        GateCall call = GateCall.of(1, null, "pool", report, NOW, null);
        assertNotNull(report.forecast().reading());
        assertEquals(report.forecast().reading(), call.reading());
        assertEquals(400 * GIB, call.reading().remainingBytes());
    }

    @Test
    public void anEnsureActiveCallHasNoPictureAndNoReading() throws Exception {
        Report report = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(KEY_ID, SECRET),
                ConnectionSettings.defaults().withEndpoint(emu.endpoint())));
        GateCall call = GateCall.of(2, null, "pool", report, NOW, null);
        assertFalse(call.hasPicture());
        assertNull(call.snapshot());
        assertNull(call.reading());
        assertEquals("PASS", call.getVerdict());
        assertFalse(call.getLines().isEmpty());
        assertFalse("no secret in what is stored", String.join("\n", call.getLines()).contains(SECRET));
    }

    @Test
    public void whatABuildStoresHasOnlyPlainFields() {
        Set<Class<?>> plain = Set.of(int.class, long.class, boolean.class, double.class, Integer.class, Long.class,
                Double.class, Boolean.class, String.class, List.class);
        List<String> notPlain = new ArrayList<>();
        for (Class<?> type : List.of(CdnGateRunAction.class, GateCall.class, GateCall.Bar.class)) {
            for (Field f : type.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !plain.contains(f.getType())) {
                    notPlain.add(type.getSimpleName() + "." + f.getName() + ": " + f.getType().getName());
                }
            }
        }
        assertEquals("XStream writes and reads these back as they are", List.of(), notPlain);
    }
}

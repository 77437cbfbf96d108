package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Test;

public class RequireQuotaTest extends EmulatorFixture {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final long GIB = 1L << 30;
    private static final long PLAN_500_GIB = 536870912000L;
    private static final String START = "2026-01-01T00:00:00Z";
    private static final String END = "2027-01-01T00:00:00Z";

    private Account activeAccount() {
        return account().activated(true);
    }

    private static Plan bytesPlan(String id, String name, long curr, long init) {
        return Plan.dataTransfer(id, name, curr, init, START, END);
    }

    private Report run(long minBytes) throws InterruptedException {
        return RequireQuota.run(RequireQuotaRequest.of(key(), connection(), minBytes), NOW);
    }

    private Report run(Long warnBytes, Long minRequests, String filter, Integer expiryDays, long minBytes)
            throws InterruptedException {
        return RequireQuota.run(new RequireQuotaRequest(key(), connection(), minBytes, warnBytes, minRequests, filter,
                expiryDays, null), NOW);
    }

    private static ResourcePlan plan(Report r, String instanceId) {
        return r.plans().stream().filter(p -> instanceId.equals(p.instanceId())).findFirst().orElseThrow();
    }

    @Test
    public void enoughDataTransferPasses() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "CDN data transfer plan (Chinese mainland)", PLAN_500_GIB, PLAN_500_GIB));
        Report r = run(100 * GIB);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(PLAN_500_GIB), r.remainingBytes());
        assertTrue(r.reason(), r.reason().startsWith("500.0 GiB (536870912000 bytes) of data transfer left in 1 counted plan"));
        assertTrue(plan(r, "FP-1").counted());
        assertEquals(ResourcePlan.Unit.BYTES, plan(r, "FP-1").unit());
    }

    @Test
    public void tooLittleDataTransferFailsNamingBothSizes() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "plan", PLAN_500_GIB, PLAN_500_GIB));
        Report r = run(1024 * GIB);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("Only 500.0 GiB (536870912000 bytes)"));
        assertTrue(r.reason(), r.reason().contains("at least 1.0 TiB (1099511627776 bytes)"));
    }

    @Test
    public void exactlyTheMinimumPasses() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "plan", PLAN_500_GIB, PLAN_500_GIB));
        assertEquals(Verdict.PASS, run(PLAN_500_GIB).verdict());
        assertEquals(Verdict.FAIL, run(PLAN_500_GIB + 1).verdict());
    }

    @Test
    public void belowTheWarningLevelIsUnstable() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "plan", PLAN_500_GIB, PLAN_500_GIB));
        Report r = run(1024 * GIB, null, null, null, 100 * GIB);
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().contains("below the warning level of 1.0 TiB"));
    }

    @Test
    public void countedPlansAreSummed() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "a", 100 * GIB, PLAN_500_GIB)).plan(bytesPlan("FP-2", "b", 200 * GIB, PLAN_500_GIB));
        Report r = run(0);
        assertEquals(Long.valueOf(300 * GIB), r.remainingBytes());
    }

    @Test
    public void requestPlansCountTowardRequestsOnly() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "a", 10 * GIB, 10 * GIB))
                .plan(Plan.httpsRequests("CDNHTTPSBAG-1", "CDN HTTPS请求数资源包", 10_000_000, 10_000_000, START, END));
        Report r = run(null, 5_000_000L, null, null, 10 * GIB);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(10 * GIB), r.remainingBytes());
        assertEquals(Long.valueOf(10_000_000), r.remainingRequests());
        assertEquals(ResourcePlan.Unit.REQUESTS, plan(r, "CDNHTTPSBAG-1").unit());
    }

    @Test
    public void tooFewRequestsFails() throws Exception {
        activeAccount().plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 10, 10_000_000, START, END));
        Report r = run(null, 11L, null, null, 0);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("Only 10 requests left"));
    }

    @Test
    public void remainingRequestsIsNullWhenNotAsked() throws Exception {
        activeAccount().plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 10, 10, START, END));
        assertNull(run(0).remainingRequests());
    }

    @Test
    public void planOfUnknownUnitIsListedNotCounted() throws Exception {
        activeAccount().plan(new Plan("X-1", "dcdnpaybag", null, "FPT_dcdnpaybag_deadlineAcc_1541405199", "valid",
                START, END, "999999999999", "999999999999"));
        Report r = run(1);
        assertEquals(Verdict.FAIL, r.verdict());
        ResourcePlan p = plan(r, "X-1");
        assertEquals(ResourcePlan.Unit.UNKNOWN, p.unit());
        assertFalse(p.counted());
        assertTrue(p.note(), p.note().contains("unit unknown"));
        assertEquals(Long.valueOf(0), r.remainingBytes());
    }

    @Test
    public void sharedDcdnPlanIsTakenAsBytesByItsName() throws Exception {
        activeAccount().plan(new Plan("CDNFLOWBAG-cn-1", "dcdnpaybag", "Downstream Data Package (Australia Sydney)",
                "FPT_dcdnpaybag_deadlineAcc_1", "valid", START, END, "1073741824", "1073741824"));
        Report r = run(GIB);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertTrue(plan(r, "CDNFLOWBAG-cn-1").counted());
    }

    /** start, end -> counted? (now = 2026-11-22T00:00:00Z) */
    private static final Object[][] WINDOWS = {
            {"2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", true, null},
            {"2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", false, "not started"},
            {"2025-01-01T00:00:00Z", "2026-11-21T00:00:00Z", false, "already ended"},
            {"2025-01-01T00:00:00Z", "2026-11-22T00:00:00Z", false, "already ended"},   // ends exactly now
            {"2026-11-22T00:00:00Z", "2027-01-01T00:00:00Z", true, null},             // starts exactly now
            {null, null, true, null},                                                 // open-ended
            {"2026-01-01T00:00Z", "2027-01-01T00:00Z", true, null},                   // minutes only (one doc's format)
            {"yesterday", "2027-01-01T00:00:00Z", false, "StartTime 'yesterday' is unreadable"},
            {"2026-01-01T00:00:00Z", "soon", false, "EndTime 'soon' is unreadable"},
    };

    @Test
    public void onlyPlansRunningNowCount() throws Exception {
        for (Object[] row : WINDOWS) {
            freshKey();
            activeAccount().plan(new Plan("FP-W", "cdnflowbag", "w", "t", "valid", (String) row[0], (String) row[1],
                    "1024", "1024"));
            Report r = run(0);
            ResourcePlan p = plan(r, "FP-W");
            assertEquals(row[0] + " .. " + row[1], row[2], p.counted());
            if (row[3] != null) {
                assertTrue(p.note(), p.note().contains((String) row[3]));
            }
        }
    }

    @Test
    public void remainingAboveTotalIsToleratedAndNoted() throws Exception {
        // Alibaba's own sample: CurrCapacity 10995089554629 with InitCapacity 536870912000.
        activeAccount().plan(bytesPlan("FP-ilttxc23a", "sample", 10995089554629L, PLAN_500_GIB));
        Report r = run(PLAN_500_GIB);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(10995089554629L), r.remainingBytes());
        assertTrue(plan(r, "FP-ilttxc23a").note().contains("remaining exceeds total"));
    }

    /** CurrCapacity as sent -> note word. Never counted, never zero-or-plenty: UNSTABLE at best. */
    private static final String[][] BAD_CAPACITIES = {
            {"-1", "negative"},
            {"1.5", "not plain digits"},
            {"99999999999999999999", "beyond"},
            {"lots", "not a number"},
            {"", "empty"},
    };

    @Test
    public void malformedCapacityIsReportedAndNotCounted() throws Exception {
        for (String[] row : BAD_CAPACITIES) {
            freshKey();
            activeAccount().plan(bytesPlan("FP-GOOD", "good", PLAN_500_GIB, PLAN_500_GIB))
                    .plan(new Plan("FP-BAD", "cdnflowbag", "bad", "t", "valid", START, END, row[0], "1024"));
            Report r = run(GIB);
            assertEquals("capacity '" + row[0] + "'", Verdict.UNSTABLE, r.verdict());
            ResourcePlan bad = plan(r, "FP-BAD");
            assertFalse(bad.counted());
            assertNull(bad.remaining());
            assertTrue(bad.note(), bad.note().contains(row[1]));
            assertEquals(Long.valueOf(PLAN_500_GIB), r.remainingBytes());
        }
    }

    @Test
    public void malformedCapacityAloneFails() throws Exception {
        activeAccount().plan(new Plan("FP-BAD", "cdnflowbag", "bad", "t", "valid", START, END, "99999999999999999999", "1"));
        Report r = run(1);
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(Long.valueOf(0), r.remainingBytes());
    }

    @Test
    public void sumBeyondLongIsClampedNotWrapped() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "a", Long.MAX_VALUE, Long.MAX_VALUE))
                .plan(bytesPlan("FP-2", "b", Long.MAX_VALUE, Long.MAX_VALUE));
        Report r = run(Long.MAX_VALUE);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(Long.MAX_VALUE), r.remainingBytes());
    }

    @Test
    public void planFilterCountsOnlyMatchingPlans() throws Exception {
        activeAccount().plan(bytesPlan("FP-CN", "CDN流量包(中国内地版)", 100 * GIB, 100 * GIB))
                .plan(bytesPlan("FP-AP", "Data Transfer Plan in Asia Pacific 1", 400 * GIB, 400 * GIB));
        Report r = run(null, null, "中国内地|MAINLAND", null, 50 * GIB);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(100 * GIB), r.remainingBytes());
        assertTrue(plan(r, "FP-CN").counted());
        assertFalse(plan(r, "FP-AP").counted());
        assertTrue(plan(r, "FP-AP").note().contains("plan filter"));
        assertTrue(r.reason(), r.reason().contains("matching '中国内地|MAINLAND'"));
    }

    @Test
    public void planFilterMatchingNoValidPlanIsUnstableEvenWhenNothingIsRequired() throws Exception {
        // given a filter with a typo and minBytes 0: "0 bytes left in 0 counted plans" must not pass quietly
        activeAccount().plan(bytesPlan("FP-CN", "CDN data transfer plan (Chinese mainland)", 100 * GIB, 100 * GIB))
                .plan(new Plan("FP-OLD", "cdnflowbag", "overseas plan", "t", "expired", START, END,
                        String.valueOf(GIB), String.valueOf(GIB)));
        // when
        Report r = run(null, null, "overseas", null, 0);
        // then (the expired plan matches the filter but is not valid)
        assertEquals(r.reason(), Verdict.UNSTABLE, r.verdict());
        assertEquals("No valid plan matches the plan filter 'overseas' (1 valid plan listed); check the filter.", r.reason());
    }

    @Test
    public void planFilterMatchingNoValidPlanStillFailsWhenBytesAreRequired() throws Exception {
        activeAccount().plan(bytesPlan("FP-CN", "mainland", 100 * GIB, 100 * GIB));
        Report r = run(null, null, "overseas", null, GIB);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().startsWith("Only 0 bytes of data transfer left in 0 counted plans matching 'overseas'"));
        assertTrue(r.findings().stream().anyMatch(f -> f.verdict() == Verdict.UNSTABLE
                && f.message().startsWith("No valid plan matches the plan filter 'overseas'")));
    }

    @Test
    public void planFilterMatchingAValidPlanAddsNoWarning() throws Exception {
        activeAccount().plan(bytesPlan("FP-CN", "mainland", 100 * GIB, 100 * GIB));
        Report r = run(null, null, "MAINLAND", null, 0);
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void requestCountsAreShownWithThousandsSeparators() throws Exception {
        activeAccount().plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 8_000_000, 10_000_000, START, END));
        Report r = run(null, 9_000_000L, null, null, 0);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().startsWith("Only 8,000,000 requests left in 1 counted request plan;"
                + " at least 9,000,000 are required."));
    }

    @Test
    public void aSecondFailIsNamedBesideTheReason() throws Exception {
        activeAccount().plan(bytesPlan("FP-CN", "mainland", 10 * GIB, 100 * GIB))
                .plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 8_000_000, 10_000_000, START, END));
        Report r = run(null, 9_000_000L, null, null, 50 * GIB);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("of data transfer left"));
        assertEquals(1, r.otherProblems().size());
        assertEquals(Verdict.FAIL, r.otherProblems().get(0).verdict());
        assertTrue(r.otherProblems().get(0).message(), r.otherProblems().get(0).message()
                .startsWith("Only 8,000,000 requests left"));

        Report one = run(null, null, null, null, 50 * GIB);
        assertEquals(Verdict.FAIL, one.verdict());
        assertEquals("the reason's own finding is not repeated", List.of(), one.otherProblems());
        Report warned = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 50 * GIB, null, 9_000_000L, null,
                null, Mode.WARN), NOW);
        assertEquals(Verdict.UNSTABLE, warned.verdict());
        assertEquals("warn mode's own note is not a problem of its own", 1, warned.otherProblems().size());
    }

    @Test
    public void invalidPlanFilterFailsWithoutCalling() throws Exception {
        activeAccount();
        Report r = run(null, null, "([unclosed", null, 0);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("plan filter '([unclosed' is not a valid regular expression"));
        assertEquals(0, emu.requests().stream().filter(q -> q.accessKeyId().equals(id)).count());
    }

    @Test
    public void planEndingWithinTheWarningWindowIsUnstable() throws Exception {
        activeAccount().plan(Plan.dataTransfer("FP-SOON", "soon", PLAN_500_GIB, PLAN_500_GIB, START, "2026-11-25T00:00:00Z"));
        Report r = run(null, null, null, 7, GIB);
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().contains("FP-SOON"));
        assertTrue(r.reason(), r.reason().contains("in 3 days"));
        assertEquals(Verdict.PASS, run(null, null, null, 2, GIB).verdict());
        assertEquals(Verdict.PASS, run(null, null, null, null, GIB).verdict());
    }

    @Test
    public void notActivatedFailsTellingToRunEnsureActiveFirst() throws Exception {
        for (String code : List.of("CdnServiceNotFound", "OperationDenied")) {
            freshKey();
            account().notActivatedCode(code);
            Report r = run(0);
            assertEquals(code, Verdict.FAIL, r.verdict());
            // OperationDenied is quoted, not read as "not activated": it is also the answer for a locked account
            assertTrue(r.reason(), r.reason().contains(code.equals("OperationDenied")
                    ? "denied this AccessKey the plan list" : "so it has no usable plans"));
            assertTrue(r.reason(), r.reason().contains("Your account does not open CDN service yet"));
            // the catalog's advice says how to activate, once
            assertEquals(r.reason(), 1, r.reason().split("ensure-active", -1).length - 1);
            assertTrue(r.reason(), r.reason().contains("[Code " + code + ", RequestId "));
            assertFalse(r.reason(), r.reason().contains("RequestId none"));
        }
    }

    @Test
    public void noPlansAndNoMinimumPasses() throws Exception {
        activeAccount();
        Report r = run(0);
        assertEquals(Verdict.PASS, r.verdict());
        assertEquals(Long.valueOf(0), r.remainingBytes());
    }

    @Test
    public void warnModeTurnsAShortfallIntoUnstable() throws Exception {
        activeAccount();
        Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), GIB, null, null, null, null, Mode.WARN), NOW);
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().startsWith("warn mode, FAIL reported as UNSTABLE: Only 0 bytes"));
    }

    @Test
    public void aPlanWhoseStatusIsNotValidNeverCounts() {
        // The gate asks for Status=valid, but does not trust the answer to honour it.
        ResourcePlan exhausted = new ResourcePlan("FP-X", "cdnflowbag", "x", "t", "exhaust", null, null, "1024", "1024",
                ResourcePlan.Unit.BYTES, 1024L, 1024L, false, null);
        ReportBuilder b = new ReportBuilder(RequireQuota.GATE, Mode.ENFORCE, AccessKey.of("LTAI-test-0001", "s"));
        RequireQuota.judge(List.of(exhausted), RequireQuotaRequest.of(AccessKey.of("LTAI-test-0001", "s"), null, 0),
                null, NOW.instant(), b, "R");
        Report r = b.build("ok");
        assertFalse(r.plans().get(0).counted());
        assertTrue(r.plans().get(0).note().contains("status is exhaust"));
        assertEquals(Long.valueOf(0), r.remainingBytes());
    }

    @Test
    public void requestPlansMatterOnlyWhenRequestsAreAsked() throws Exception {
        activeAccount().plan(bytesPlan("FP-1", "a", PLAN_500_GIB, PLAN_500_GIB))
                .plan(new Plan("CDNHTTPSBAG-SOON", "cdnhttpsbag", "https", "t", "valid", START, "2026-11-23T00:00:00Z",
                        "-1", "10000000"));
        assertEquals(Verdict.PASS, run(null, null, null, 7, GIB).verdict());
        Report asked = run(null, 0L, null, 7, GIB);
        assertEquals(Verdict.UNSTABLE, asked.verdict());
        assertTrue(asked.reason(), asked.reason().contains("CDNHTTPSBAG-SOON"));
    }

    @Test
    public void aRequestPlanWithoutAMinimumIsListedAsNotRequiredAndNeverWarnedAbout() throws Exception {
        // given an HTTPS request plan ending in 2.7 days and a 3-day warning window
        activeAccount().plan(bytesPlan("FP-1", "a", PLAN_500_GIB, PLAN_500_GIB))
                .plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 10, 10, START, "2026-11-24T16:48:00Z"));
        // when no minimum number of requests is asked for
        Report r = run(null, null, null, 3, GIB);
        // then the plan is listed, not counted, "not required", and the gate passes
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        ResourcePlan https = plan(r, "CDNHTTPSBAG-1");
        assertFalse(https.counted());
        assertTrue(https.note(), https.note().startsWith("not counted: not required"));
        assertTrue(ReportText.lines(r).toString(), ReportText.lines(r).stream()
                .anyMatch(l -> l.startsWith("[CDN Gate] Plan CDNHTTPSBAG-1") && !l.contains(", counted")
                        && l.contains("not required")));
        // and with a minimum it is counted, and its coming end is UNSTABLE like any counted plan's
        Report asked = run(null, 1L, null, 3, GIB);
        assertTrue(plan(asked, "CDNHTTPSBAG-1").counted());
        assertEquals(asked.reason(), Verdict.UNSTABLE, asked.verdict());
        assertTrue(asked.reason(), asked.reason().contains("CDNHTTPSBAG-1") && asked.reason().contains("warning window"));
    }

    /** StartTime, EndTime that cannot be read. */
    private static final String[][] UNREADABLE_TIMES = {
            {"abc", END, "StartTime", "abc"},
            {"2026-13-01T00:00:00Z", END, "StartTime", "2026-13-01T00:00:00Z"},
            {"2026-01-01 00:00:00", END, "StartTime", "2026-01-01 00:00:00"},
            {START, "abc", "EndTime", "abc"},
            {START, "2026-13-01T00:00:00Z", "EndTime", "2026-13-01T00:00:00Z"},
            {START, "2027-01-01 00:00:00", "EndTime", "2027-01-01 00:00:00"},
    };

    @Test
    public void aPlanWithAnUnreadableDateIsUnstableNeverDroppedQuietly() throws Exception {
        for (String[] row : UNREADABLE_TIMES) {
            // given enough quota elsewhere and one plan whose validity cannot be read
            freshKey();
            activeAccount().plan(bytesPlan("FP-GOOD", "good", PLAN_500_GIB, PLAN_500_GIB))
                    .plan(new Plan("FP-DATE", "cdnflowbag", "dated", "t", "valid", row[0], row[1], "1024", "1024"));
            // when
            Report r = run(GIB);
            // then it is not counted, and someone must look: UNSTABLE naming the plan, the field and the text
            String label = row[0] + " .. " + row[1] + ": " + r.reason();
            assertEquals(label, Verdict.UNSTABLE, r.verdict());
            assertFalse(label, plan(r, "FP-DATE").counted());
            assertEquals(label, "Plan FP-DATE \"dated\" has an unreadable " + row[2] + " ('" + row[3]
                    + "'); it was not counted. Check it in the console.", r.reason());
            assertEquals(Long.valueOf(PLAN_500_GIB), r.remainingBytes());
        }
    }

    @Test
    public void findingsNameSettingsInPlainWordsNotOneFrontEndsIdentifiers() throws Exception {
        // given a report that touches every setting: filter, minimum, warning level, requests, expiry window
        activeAccount().plan(bytesPlan("FP-1", "mainland", GIB, GIB))
                .plan(Plan.httpsRequests("CDNHTTPSBAG-1", "https", 10, 10, START, "2026-11-23T00:00:00Z"));
        List<Report> reports = List.of(run(2 * GIB, 100L, "overseas", 3, GIB), run(2 * GIB, 1L, null, 3, 0),
                run(null, 100L, "mainland|https", 3, 2 * GIB));
        for (Report r : reports) {
            for (Finding f : r.findings()) {
                for (String id : List.of("planFilter", "minBytes", "warnBytes", "minRequests", "expiryWarningDays",
                        "lockPolicy", "--plan-filter", "--min-bytes", "--warn-bytes", "--min-requests", "--expiry")) {
                    assertFalse(f.message(), f.message().contains(id));
                }
            }
        }
        assertTrue(reports.get(0).findings().toString(), reports.get(0).findings().stream()
                .anyMatch(f -> f.message().contains("the plan filter 'overseas'")));
    }

    @Test
    public void anOperationDeniedIsQuotedNotReadAsNotActivated() throws Exception {
        // given an activated account locked for security reasons: both Describe operations answer OperationDenied
        // (issue 8 item 1)
        account().activated(true).describeDenied("The account is locked for security reasons.");
        // when
        Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 0));
        // then Alibaba's message is quoted and nothing claims CDN is not activated
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("The account is locked for security reasons"));
        assertTrue(r.reason(), r.reason().contains("[Code OperationDenied, RequestId "));
        assertFalse(r.reason(), r.reason().contains("CDN is not activated on this account"));
    }
}

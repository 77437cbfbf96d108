package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Plan;
import java.util.List;
import org.junit.Test;

public class EnsureActiveTest extends EmulatorFixture {

    private static boolean anyFinding(Report r, Verdict v, String text) {
        return r.findings().stream().anyMatch(f -> f.verdict() == v && f.message().contains(text));
    }

    @Test
    public void activeUnlockedServicePasses() throws Exception {
        account().activated(true).chargeType("PayByTraffic").openingTime("2024-02-28T13:11:49Z").instanceId("aliuid-1");
        Report r = EnsureActive.run(ensure());
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertFalse(r.activated());
        assertEquals("2024-02-28T13:11:49Z", r.service().openingTime());
        assertEquals("PayByTraffic", r.service().internetChargeType());
        assertNotNull(r.service().requestId());
        assertEquals(0, count("OpenCdnService"));
    }

    @Test
    public void aSecretWithATrailingNewlineFromASecretFileStillSigns() throws Exception {
        // given the common CI mistake: ALIBABA_CLOUD_ACCESS_KEY_SECRET=$(cat secret-file) keeps the newline
        account().activated(true).openingTime("2024-02-28T13:11:49Z");
        // when
        Report r = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(id, secret + "\n"), connection()));
        // then the signature matches (no SignatureDoesNotMatch)
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void notActivatedServiceIsOpenedThenConfirmed() throws Exception {
        account();
        Report r = EnsureActive.run(ensure());
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertTrue(r.activated());
        assertTrue(emu.account(id).isActivated());
        assertEquals(List.of("DescribeCdnService", "OpenCdnService", "DescribeCdnService"),
                emu.requests().stream().filter(q -> q.accessKeyId().equals(id)).map(q -> q.action()).toList());
        assertTrue(r.reason(), r.reason().contains("activated now"));
    }

    @Test
    public void notActivatedUnderTheOlderOperationDeniedCodeIsOpenedToo() throws Exception {
        account().notActivatedCode("OperationDenied");
        Report r = EnsureActive.run(ensure());
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        assertTrue(r.activated());
    }

    @Test
    public void notActivatedWithActivationOffFailsWithCodeAndRequestId() throws Exception {
        account();
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), false, null, null, null, null));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("activation is turned off"));
        assertTrue(r.reason(), r.reason().contains("[Code CdnServiceNotFound, RequestId "));
        assertEquals(0, count("OpenCdnService"));
        assertFalse(emu.account(id).isActivated());
    }

    @Test
    public void lockedServiceFailsWithTheLockReason() throws Exception {
        account().activated(true).locks("financial");
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("locked (financial)"));
        assertTrue(r.reason(), r.reason().contains("top up"));
        assertEquals(List.of("financial"), r.service().operationLocks());
    }

    @Test
    public void lockReasonIsComparedCaseInsensitively() throws Exception {
        account().activated(true).locks("Financial");
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("overdue payment"));
    }

    @Test
    public void unknownLockReasonStillFails() throws Exception {
        account().activated(true).locks("security", "some-future-lock");
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(anyFinding(r, Verdict.FAIL, "some-future-lock"));
        assertTrue(anyFinding(r, Verdict.FAIL, "security reasons"));
    }

    @Test
    public void lockPolicyUnstableMakesALockOnlyUnstable() throws Exception {
        account().activated(true).locks("financial");
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), true, null, null, LockPolicy.UNSTABLE, null));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason().contains("financial"));
    }

    @Test
    public void differentExpectedChargeTypeIsUnstable() throws Exception {
        account().activated(true).chargeType("PayByBandwidth");
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), true, null, "PayByTraffic", null, null));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().contains("expected PayByTraffic"));
    }

    @Test
    public void matchingExpectedChargeTypeIgnoresCase() throws Exception {
        account().activated(true).chargeType("PayByTraffic");
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), true, null, "paybytraffic", null, null));
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void pendingChargeTypeChangeIsReportedAsUnstable() throws Exception {
        account().activated(true).chargeType("PayByTraffic").changing("PayByBandwidth", "2026-11-23T16:00:00Z");
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().contains("PayByTraffic -> PayByBandwidth at 2026-11-23T16:00:00Z"));
        assertEquals("PayByBandwidth", r.service().changingChargeType());
    }

    @Test
    public void pendingChangeToTheExpectedChargeTypeIsOnlyNoted() throws Exception {
        account().activated(true).chargeType("PayByTraffic").changing("PayByTraffic", "2026-11-23T16:00:00Z");
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), true, null, "PayByTraffic", null, null));
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void warnModeTurnsFailIntoUnstableAndSaysSo() throws Exception {
        account().activated(true).locks("financial");
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), true, null, null, null, Mode.WARN));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().startsWith("warn mode, FAIL reported as UNSTABLE: "));
        assertTrue(r.findings().stream().noneMatch(f -> f.verdict() == Verdict.FAIL));
        assertEquals(Mode.WARN, r.mode());
    }

    @Test
    public void stsSessionCredentialsAreSentAndAccepted() throws Exception {
        account().activated(true).securityToken("sts-token-1");
        Report r = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(id, secret, "sts-token-1"), connection()));
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void activationRefusedByOpenFailsWithTheCatalogSentence() throws Exception {
        account().openError("InsufficientBalance");
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.FAIL, r.verdict());
        assertFalse(r.activated());
        assertTrue(r.reason(), r.reason().contains("Top up"));
        assertTrue(r.reason(), r.reason().contains("[Code InsufficientBalance, RequestId "));
    }

    @Test
    public void openAnsweringHasOpenedCountsAsActiveButMustStillBeConfirmed() throws Exception {
        // The emulator keeps the account not activated while Open says HasOpened: the confirming
        // describe never sees it, so the gate must not PASS on Open's word alone. Nothing was opened by this run, so
        // there is nothing to wait for: one confirming describe, then FAIL (issue 8 item 1).
        account().openError("CdnService.HasOpened");
        Report r = EnsureActive.run(ensure());
        assertTrue(anyFinding(r, Verdict.PASS, "already activated (CdnService.HasOpened)"));
        assertEquals(Verdict.FAIL, r.verdict());
        assertFalse(r.reason(), r.reason().contains("run the gate again shortly"));
        assertTrue(r.reason(), r.reason().contains("already opened"));
        assertEquals(1 + 1 + 1, emu.requests().stream().filter(q -> q.accessKeyId().equals(id)).count());
    }

    private static final String LOCKED = "The account is locked for security reasons.";

    @Test
    public void anOperationDeniedThatIsNotAboutActivationFailsAtOnceAfterHasOpened() throws Exception {
        // given an activated account whose Describe answers 403 OperationDenied for a security lock (issue 8 item 1)
        account().activated(true).describeDenied(LOCKED);
        // when
        Report r = EnsureActive.run(ensure());
        // then FAIL at once: one Open (HasOpened), one confirming Describe, no propagation wait, nothing activated
        assertEquals(Verdict.FAIL, r.verdict());
        assertFalse(r.activated());
        assertEquals(1, count("OpenCdnService"));
        assertEquals(2, count("DescribeCdnService"));
        assertTrue(r.reason(), r.reason().contains(LOCKED.substring(0, LOCKED.length() - 1)));
        assertTrue(r.reason(), r.reason().contains("[Code OperationDenied, RequestId "));
        assertTrue(r.reason(), r.reason().contains("already opened"));
        assertTrue(r.reason(), r.reason().contains("denies this AccessKey"));
        assertTrue(r.reason(), r.reason().contains("RAM policy"));
        assertTrue(r.reason(), r.reason().contains("lock"));
        assertFalse(r.reason(), r.reason().contains("run the gate again shortly"));
        assertFalse(r.reason(), r.reason().contains("Activate CDN"));
        for (String line : ReportText.lines(r)) {
            assertFalse(line, line.contains("CDN was activated by this run"));
            assertFalse(line, line.contains("still reports it not activated"));
            // no line asserts "not activated" before the FAIL says it is already opened
            assertFalse(line, line.contains("CDN is not activated yet"));
        }
        String trying = ReportText.lines(r).stream().filter(l -> l.contains("OpenCdnService") && l.contains("trying"))
                .findFirst().orElse("");
        assertTrue(ReportText.lines(r).toString(), trying.startsWith("[CDN Gate] DescribeCdnService answered"
                + " OperationDenied (The account is locked for security reasons.): CDN may not be activated, or the account"
                + " or service is locked; trying OpenCdnService with charge type PayByTraffic to tell which."));
    }

    @Test
    public void anOperationDeniedWithActivationOffQuotesAlibabaInsteadOfClaimingNotActivated() throws Exception {
        account().activated(true).describeDenied(LOCKED);
        Report r = EnsureActive.run(new EnsureActiveRequest(key(), connection(), false, null, null, null, null));
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(0, count("OpenCdnService"));
        assertTrue(r.reason(), r.reason().contains(LOCKED.substring(0, LOCKED.length() - 1)));
        assertTrue(r.reason(), r.reason().contains("[Code OperationDenied, RequestId "));
        assertFalse(r.reason(), r.reason().contains("CDN is not activated on this account"));
    }

    @Test
    public void planFieldsDoNotMatterToEnsureActive() throws Exception {
        account().activated(true).plan(Plan.dataTransfer("FP-1", "x", 1, 1, "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
        Report r = EnsureActive.run(ensure());
        assertEquals(Verdict.PASS, r.verdict());
        assertTrue(r.plans().isEmpty());
        assertNull(r.remainingBytes());
    }

    @Test
    public void badEndpointIsAFailReportNotAnException() throws Exception {
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withEndpoint("http://cdn.aliyuncs.com")));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().startsWith("Configuration error: endpoint"));
    }

    @Test
    public void anHttpsEndpointIsCalledOverTlsNeverDowngraded() throws Exception {
        // The emulator speaks plain HTTP: a TLS handshake against it must fail rather than fall back to HTTP.
        account().activated(true);
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withEndpoint("https://" + emu.endpoint())));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("SDK.ServerUnreachable"));
        assertEquals(0, count("DescribeCdnService"));
    }

    @Test
    public void anEndpointGivenAsALoopbackUrlWithPathWorks() throws Exception {
        account().activated(true);
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withEndpoint("http://" + emu.endpoint() + "/")));
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
    }

    @Test
    public void anAnswerWithoutOpeningTimeOrLocksCannotPass() throws Exception {
        ReportBuilder b = new ReportBuilder(EnsureActive.GATE, Mode.ENFORCE, AccessKey.of("LTAI-test-0001", "s"));
        EnsureActive.judge(ResponseParser.service("{\"RequestId\":\"R-1\",\"InternetChargeType\":\"PayByTraffic\"}"),
                EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "s"), null), b);
        Report r = b.build("ok");
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("without an OpeningTime")));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("unlocked")));
    }

    @Test
    public void anAnswerWithoutOperationLocksSaysTheLocksAreUnknownNotNone() throws Exception {
        // given a DescribeCdnService answer with no OperationLocks field (issue 8 item 2)
        ReportBuilder b = new ReportBuilder(EnsureActive.GATE, Mode.ENFORCE, AccessKey.of("LTAI-test-0001", "s"));
        EnsureActive.judge(ResponseParser.service("{\"RequestId\":\"R-1\",\"InternetChargeType\":\"PayByTraffic\","
                        + "\"OpeningTime\":\"2024-02-28T13:11:49Z\"}"),
                EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "s"), null), b);
        // when
        Report r = b.build("ok");
        List<String> lines = ReportText.lines(r);
        // then UNSTABLE, and no line claims there are no locks
        assertEquals(Verdict.UNSTABLE, r.verdict());
        for (String line : lines) {
            assertFalse(line, line.contains("locks none"));
            assertFalse(line, line.contains("read as no locks"));
        }
        assertTrue(String.join("\n", lines), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Service: ")
                && l.contains("locks unknown")));
        assertFalse(r.service().locksKnown());
        com.google.gson.JsonObject service = ReportJson.toTree(r).getAsJsonObject("service");
        assertFalse(service.get("locksKnown").getAsBoolean());
        assertTrue(service.toString(), service.get("locked").isJsonNull());
    }

    @Test
    public void anAnswerWithAnEmptyOperationLocksListSaysLocksNone() throws Exception {
        ReportBuilder b = new ReportBuilder(EnsureActive.GATE, Mode.ENFORCE, AccessKey.of("LTAI-test-0001", "s"));
        EnsureActive.judge(ResponseParser.service("{\"RequestId\":\"R-1\",\"InternetChargeType\":\"PayByTraffic\","
                        + "\"OpeningTime\":\"2024-02-28T13:11:49Z\",\"OperationLocks\":{\"LockReason\":[]}}"),
                EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "s"), null), b);
        Report r = b.build("ok");
        assertEquals(Verdict.PASS, r.verdict());
        assertTrue(ReportText.lines(r).stream().anyMatch(l -> l.contains("locks none")));
        assertTrue(r.service().locksKnown());
    }

    @Test
    public void theSdkSwitchThatDisablesCertificateChecksIsRefusedForRealEndpoints() throws Exception {
        System.setProperty(CdnClient.IGNORE_SSL, "YES");
        try {
            Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withEndpoint("cdn.aliyuncs.com")));
            assertEquals(Verdict.FAIL, r.verdict());
            assertTrue(r.reason(), r.reason().contains("ALIBABACLOUD_JAVA_CORE_INGNORE_SSL=YES turns off TLS certificate checks"));
        } finally {
            System.clearProperty(CdnClient.IGNORE_SSL);
        }
    }
}

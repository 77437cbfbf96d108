package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.ErrorCodes;
import io.jenkins.plugins.cdngate.emulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.Test;

/**
 * Every catalog entry the emulator can produce, through the real SDK over real HTTP: the gate's verdict is the
 * entry's verdict, the reason carries the entry's sentence, the Code and (when Alibaba answered) the RequestId,
 * and retryable codes were tried exactly maxAttempts (3) times.
 */
public class CatalogThroughEmulatorTest extends EmulatorFixture {
    private static final String OPEN = "OpenCdnService";
    private static final String DESCRIBE = "DescribeCdnService";
    private static final String PACKAGES = "DescribeCdnUserResourcePackage";

    /** How a scenario runs: the emulator setup, then which gate. */
    private record Scenario(String code, String action, Function<EmulatorFixture, AccessKey> setup, boolean httpAnswer) {
    }

    private static final List<Scenario> SCENARIOS = new ArrayList<>();

    private static void add(String code, String action, Function<EmulatorFixture, AccessKey> setup, boolean httpAnswer) {
        SCENARIOS.add(new Scenario(code, action, setup, httpAnswer));
    }

    static {
        // OpenCdnService's documented errors (seeds), all but HasOpened (EnsureActiveTest covers it).
        for (String code : ErrorCodes.OPEN_CDN_SERVICE_ERRORS) {
            if (!code.equals("CdnService.HasOpened")) {
                add(code, OPEN, t -> {
                    t.account().openError(code);
                    return t.key();
                }, true);
            }
        }
        // RAM, both codes, every action.
        for (String ram : List.of("Forbidden.RAM", "NoPermission")) {
            add(ram, OPEN, t -> {
                t.account().deny(OPEN, ram);
                return t.key();
            }, true);
            add(ram, DESCRIBE, t -> {
                t.account().activated(true).deny(DESCRIBE, ram);
                return t.key();
            }, true);
            add(ram, PACKAGES, t -> {
                t.account().activated(true).deny(PACKAGES, ram);
                return t.key();
            }, true);
        }
        // Authentication.
        add("SignatureDoesNotMatch", DESCRIBE, t -> {
            t.account().activated(true);
            return AccessKey.of(t.id, "not-the-secret");
        }, true);
        add("InvalidAccessKeyId.NotFound", DESCRIBE, t -> AccessKey.of(t.id, t.secret), true);
        add("InvalidSecurityToken.MismatchWithAccessKey", DESCRIBE, t -> {
            t.account().activated(true).securityToken("sts-token-1");
            return AccessKey.of(t.id, t.secret, "sts-token-OTHER");
        }, true);
        add("InvalidSecurityToken.Expired", PACKAGES, t -> {
            t.account().activated(true).securityToken("sts-token-1").securityTokenExpired(true);
            return AccessKey.of(t.id, t.secret, "sts-token-1");
        }, true);
        // Throttling, 5xx and transport: retried until maxAttempts.
        add("Throttling.User", DESCRIBE, t -> {
            t.account().activated(true);
            emu.inject(DESCRIBE, Fault.throttle());
            return t.key();
        }, true);
        add("InternalError", PACKAGES, t -> {
            t.account().activated(true);
            emu.inject(PACKAGES, Fault.status500());
            return t.key();
        }, true);
        add("ServiceUnavailable", DESCRIBE, t -> {
            t.account().activated(true);
            emu.inject(DESCRIBE, Fault.status503());
            return t.key();
        }, true);
        add("(null)", DESCRIBE, t -> {
            t.account().activated(true);
            emu.inject(DESCRIBE, Fault.html502());
            return t.key();
        }, false);
        add("SDK.ServerUnreachable", PACKAGES, t -> {
            t.account().activated(true);
            emu.inject(PACKAGES, Fault.closeConnection());
            return t.key();
        }, false);
        add("SDK.ReadTimeout", DESCRIBE, t -> {
            t.account().activated(true);
            emu.inject(DESCRIBE, Fault.noAnswer());
            return t.key();
        }, false);
        // A 200 we cannot read.
        add(ErrorCatalog.MALFORMED_RESPONSE, DESCRIBE, t -> {
            t.account().activated(true);
            emu.inject(DESCRIBE, Fault.malformedJson());
            return t.key();
        }, false);
    }

    @Test
    public void everyProducibleCatalogEntryYieldsItsVerdictSentenceCodeAndRequestId() throws Exception {
        for (Scenario s : SCENARIOS) {
            freshKey();
            AccessKey key = s.setup().apply(this);
            // A short read timeout only where the emulator never answers; elsewhere a loaded machine must not time out.
            ConnectionSettings conn = s.code().equals("SDK.ReadTimeout")
                    ? connection().withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(400)) : connection();
            Report r = s.action().equals(PACKAGES)
                    ? RequireQuota.run(RequireQuotaRequest.of(key, conn, 0))
                    : EnsureActive.run(EnsureActiveRequest.of(key, conn));
            ErrorCatalog.Entry entry = ErrorCatalog.resolve(s.code());
            String label = s.code() + " from " + s.action() + ": " + r.reason();
            assertEquals(label, entry.verdict(), r.verdict());
            Finding f = r.findings().stream().filter(x -> s.code().equals(x.errorCode())).findFirst().orElse(null);
            assertNotNull(label + " has no finding with the code", f);
            String advice = entry.adviceFor(s.action());
            assertTrue(label, r.reason().contains(f.requestId() == null ? ReportBuilder.withoutRequestId(advice) : advice));
            // "RequestId none" is noise: the bracket names the RequestId only when the answer had one
            assertTrue(label, r.reason().contains("[" + ReportText.codeLabel(s.code())
                    + (f.requestId() == null ? "]" : ", RequestId " + f.requestId() + "]")));
            assertFalse(label, r.reason().contains("RequestId none"));
            if (f.requestId() == null) {
                assertFalse(label, r.reason().contains("the RequestId"));
            }
            // Transport lines keep the host and what failed, never the SDK's signed request URL.
            assertFalse(label, r.reason().contains("SignatureNonce") || r.reason().contains("://"));
            if (!s.httpAnswer() && !s.code().equals(ErrorCatalog.MALFORMED_RESPONSE) && !s.code().equals("(null)")) {
                assertTrue(label, r.reason().contains(emu.endpoint()));
            }
            if (s.httpAnswer()) {
                assertNotNull(label + " lacks the RequestId", f.requestId());
                assertTrue(label, r.reason().contains(f.requestId()));
            } else if (!s.code().equals(ErrorCatalog.MALFORMED_RESPONSE)) {
                assertNull(label, f.requestId());
            }
            if (s.httpAnswer() || s.code().equals("(null)")) {
                long expected = entry.retryable() ? 3 : 1;
                assertEquals(label + " attempts", expected, count(s.action()));
            }
            emu.clearFaults();
        }
    }

    @Test
    public void ramDenialNamesThePermissionToGrant() throws Exception {
        account().activated(true).deny(PACKAGES, "Forbidden.RAM");
        Report r = RequireQuota.run(RequireQuotaRequest.of(key(), connection(), 0));
        assertTrue(r.reason(), r.reason().contains("Grant cdn:DescribeCdnUserResourcePackage to the RAM user"));
    }

    @Test
    public void clockSkewTellsTheUserToSyncTheAgentClock() throws Exception {
        try (var skewed = io.jenkins.plugins.cdngate.emulator.CdnEmulator.start(
                io.jenkins.plugins.cdngate.emulator.EmulatorOptions.defaults().port(0).rateLimits(false)
                        .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(20))))) {
            skewed.addAccount(Account.create(id, secret).activated(true));
            Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection().withEndpoint(skewed.endpoint())));
            assertEquals(Verdict.FAIL, r.verdict());
            assertTrue(r.reason(), r.reason().contains("InvalidTimeStamp.Expired"));
            assertTrue(r.reason(), r.reason().contains("NTP"));
        }
    }

    @Test
    public void nonJsonErrorSaysSoInWordsAndKeepsTheCatalogKeyInTheFinding() throws Exception {
        // given a proxy answering with an HTML 502 page
        account().activated(true);
        emu.inject(DESCRIBE, Fault.html502());
        // when
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection()));
        // then the text says "no error code", the finding keeps "(null)", the key of the catalog row
        assertTrue(r.reason(), r.reason().contains("failed with no error code (HTTP 502, the answer was not JSON)"));
        assertTrue(r.reason(), r.reason().contains("[no error code]"));
        assertFalse(r.reason(), r.reason().contains("(null)"));
        assertEquals(ErrorCatalog.NULL_CODE, r.findings().get(0).errorCode());
    }

    /** Entries exercised by other tests through real HTTP, and where. */
    private static final java.util.Map<String, String> COVERED_ELSEWHERE = java.util.Map.of(
            "CdnService.HasOpened", "EnsureActiveTest.openAnsweringHasOpenedCountsAsActiveButMustStillBeConfirmed",
            "CdnServiceNotFound", "RequireQuotaTest.notActivatedFailsTellingToRunEnsureActiveFirst",
            "OperationDenied", "RequireQuotaTest.notActivatedFailsTellingToRunEnsureActiveFirst",
            "InvalidTimeStamp.Expired", "clockSkewTellsTheUserToSyncTheAgentClock",
            "SDK.RequestTryOrRetryFailed", "UnlistedAnswersTest.aBodyWithoutContentTypeIsATransportFailure",
            ErrorCatalog.DEADLINE_EXCEEDED, "RetryTest.theDeadlineBoundsASlowAnswer");

    /** Entries neither the emulator nor a bare HTTP server can produce through this client, and why. */
    private static final java.util.Map<String, String> NOT_PRODUCIBLE = java.util.Map.ofEntries(
            java.util.Map.entry("InternetChargeTypeInvalid", "DescribeCdnService takes no charge type from us"),
            java.util.Map.entry("UnsupportedParameter", "the client sends only documented parameters"),
            java.util.Map.entry("Missing*", "the SDK always sends every common parameter"),
            java.util.Map.entry("InvalidParameter", "the client always sends Status=valid"),
            java.util.Map.entry("InvalidAction.NotFound", "the client only calls the three actions"),
            java.util.Map.entry("InvalidVersion", "the client always sends 2018-05-10"),
            java.util.Map.entry("NotAuthorized", "the emulator denies with Forbidden.RAM or NoPermission only"),
            java.util.Map.entry("Forbidden", "undocumented generic form; unit-tested in ErrorCatalogTest"),
            java.util.Map.entry("IncompleteSignature", "the SDK always signs completely"),
            java.util.Map.entry("SDK.InvalidAccessKeySecret", "only the typed SDK path raises it; we use CommonRequest"),
            java.util.Map.entry("SDK.InvalidAccessSecret", "an SDK-side check before sending; no server answer can trigger it"),
            java.util.Map.entry("InvalidAccessKeyId.Inactive", "the emulator has no disabled keys"),
            java.util.Map.entry("InvalidAccessKeyId", "older generic form of InvalidAccessKeyId.NotFound"),
            java.util.Map.entry("InvalidTimeStamp.Format", "the SDK always formats the timestamp"),
            java.util.Map.entry("IllegalTimestamp", "older form; the SDK always sends a timestamp"),
            java.util.Map.entry("SignatureNonceUsed", "every attempt gets a fresh nonce (RetryTest proves it)"),
            java.util.Map.entry("MissingSecurityToken", "the emulator accepts long-term keys without a token"),
            java.util.Map.entry("InvalidSecurityToken.Malformed", "the emulator reports a bad token as a mismatch"),
            java.util.Map.entry("InvalidSecurityToken.*", "prefix for future STS codes"),
            java.util.Map.entry("Throttling", "the emulator throttles with Throttling.User"),
            java.util.Map.entry("Throttling.Api", "the emulator throttles with Throttling.User"),
            java.util.Map.entry("Throttling.*", "prefix for future throttling codes"),
            java.util.Map.entry("Rejected.Throttling", "Terraform-seen variant; the emulator uses Throttling.User"),
            java.util.Map.entry("ServiceBusy", "CDN domain-config APIs only"),
            java.util.Map.entry("FlowControlError", "CDN domain-config APIs only"),
            java.util.Map.entry("SDK.TriggerThrottlingPolicy", "only with the SDK's own retry policy, which is off"),
            java.util.Map.entry("ServiceUnAvailable", "older spelling; the emulator sends ServiceUnavailable"),
            java.util.Map.entry("SDK.InterruptedException", "only during the SDK's own retry sleep, which is off"),
            java.util.Map.entry("SDK.EndpointResolvingError", "the domain is always set, nothing is resolved"),
            java.util.Map.entry("SDK.InvalidProfile", "the profile is always built by the client"),
            java.util.Map.entry("LX_CREATE_ORDER_FAILED", "older code outside the current OpenCdnService page"),
            java.util.Map.entry("FUWU_BIZ_COMMODITY_VERIFY_FAIL_*", "older codes outside the current OpenCdnService page"),
            java.util.Map.entry(ErrorCatalog.UNEXPECTED, "a defect inside CDN Gate"));

    @Test
    public void everyCatalogEntryIsExercisedOrExplained() {
        java.util.Set<String> exercised = new java.util.HashSet<>();
        SCENARIOS.forEach(s -> exercised.add(s.code()));
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            String code = e.code();
            assertTrue("catalog entry " + code + " is neither exercised through HTTP nor explained",
                    exercised.contains(code) || COVERED_ELSEWHERE.containsKey(code) || NOT_PRODUCIBLE.containsKey(code));
        }
    }
}

package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * The secret, the STS token and the unmasked AccessKey ID appear in no report (text or JSON) and no exception
 * message, even when Alibaba's SignatureDoesNotMatch message quotes the string to sign (which holds the
 * AccessKey ID and the token) and when the SDK's transport error quotes the request URL.
 */
public class SecretsNeverLeakTest extends EmulatorFixture {
    private static final String TOKEN = "sts-token-secret-part-0001";

    private void assertClean(String label, String text) {
        assertFalse(label + " shows the secret: " + text, text.contains(secret));
        assertFalse(label + " shows the token: " + text, text.contains(TOKEN));
        assertFalse(label + " shows the unmasked AccessKey ID: " + text, text.contains(id));
    }

    private void assertClean(Report r) {
        assertClean("JSON", ReportJson.toJson(r));
        assertClean("text", String.join("\n", ReportText.lines(r)));
        assertClean("reason", r.reason());
        assertEquals(AccessKey.mask(id), r.accessKeyId());
    }

    @Test
    public void wrongSecretWithTokenLeaksNeitherThroughTheStringToSign() throws Exception {
        emu.addAccount(io.jenkins.plugins.cdngate.emulator.Account.create(id, "the-right-secret-0001").activated(true)
                .securityToken(TOKEN));
        Report r = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(id, secret, TOKEN), connection()));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("SignatureDoesNotMatch"));
        assertTrue(r.reason(), r.reason().contains("string to sign is: (omitted)"));
        assertClean(r);
    }

    @Test
    public void transportErrorsQuotingTheUrlAreCleaned() throws Exception {
        account().activated(true).securityToken(TOKEN);
        List<Report> reports = new ArrayList<>();
        emu.inject("DescribeCdnService", Fault.closeConnection());
        reports.add(EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(id, secret, TOKEN), connection())));
        emu.clearFaults();
        reports.add(EnsureActive.run(EnsureActiveRequest.of(AccessKey.of(id, secret, TOKEN),
                connection().withEndpoint("127.0.0.1:1"))));
        for (Report r : reports) {
            assertEquals(Verdict.FAIL, r.verdict());
            assertTrue(r.reason(), r.reason().contains("SDK.ServerUnreachable"));
            assertClean(r);
        }
    }

    @Test
    public void passingAndFailingReportsAreClean() throws Exception {
        account().securityToken(TOKEN).openError("InsufficientBalance");
        AccessKey key = AccessKey.of(id, secret, TOKEN);
        assertClean(EnsureActive.run(EnsureActiveRequest.of(key, connection())));
        assertClean(RequireQuota.run(RequireQuotaRequest.of(key, connection(), 1)));
        emu.account(id).openError(null);
        assertClean(EnsureActive.run(EnsureActiveRequest.of(key, connection())));
        assertClean(RequireQuota.run(RequireQuotaRequest.of(key, connection(), 0)));
    }

    @Test
    public void clientExceptionMessagesAreClean() {
        account().activated(true).securityToken(TOKEN);
        CdnClient client = CdnClient.create(AccessKey.of(id, "a-wrong-secret-0001", TOKEN), connection());
        CdnCallException e = assertThrows(CdnCallException.class,
                () -> client.describeService(System.nanoTime() + 10_000_000_000L));
        assertEquals("SignatureDoesNotMatch", e.code());
        assertFalse(e.getMessage(), e.getMessage().contains("a-wrong-secret-0001"));
        assertFalse(e.getMessage(), e.getMessage().contains(TOKEN));
        assertFalse(e.getMessage(), e.getMessage().contains(id));
    }

    @Test
    public void coalesceKeyHoldsNoSecretButTellsSecretsApart() {
        CdnClient a = CdnClient.create(AccessKey.of(id, secret, TOKEN), connection());
        CdnClient b = CdnClient.create(AccessKey.of(id, secret + "x", TOKEN), connection());
        String keyA = a.coalesceKey("DescribeCdnService", java.util.Map.of());
        assertFalse(keyA.contains(secret));
        assertFalse(keyA.contains(TOKEN));
        assertTrue(keyA.contains(emu.endpoint()));
        assertTrue(keyA.contains("DescribeCdnService"));
        assertFalse(keyA.equals(b.coalesceKey("DescribeCdnService", java.util.Map.of())));
        assertFalse(a.coalesceKey("DescribeCdnUserResourcePackage", java.util.Map.of("Status", "valid"))
                .equals(a.coalesceKey("DescribeCdnUserResourcePackage", java.util.Map.of("Status", "closed"))));
    }

    @Test
    public void redactorDropsSignedParametersAndEncodedSecrets() {
        AccessKey key = AccessKey.of("LTAI-test-0001", "se/cr+et=0001", "tok/en+1");
        String raw = "failed http://h/?AccessKeyId=LTAI-test-0001&SecurityToken=tok%2Fen%2B1&Signature=abc%3D"
                + " secret se%2Fcr%2Bet%3D0001 and se/cr+et=0001\r\nnext line";
        String clean = Redactor.clean(raw, key);
        assertFalse(clean, clean.contains("se/cr+et=0001"));
        assertFalse(clean, clean.contains("se%2Fcr%2Bet%3D0001"));
        assertFalse(clean, clean.contains("tok%2Fen%2B1"));
        assertFalse(clean, clean.contains("LTAI-test-0001"));
        assertFalse(clean, clean.contains("abc%3D"));
        assertFalse(clean, clean.contains("\n"));
    }
}

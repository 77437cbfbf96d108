package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** The gateway checks: signature, key, timestamp, nonce, version, action, method, STS token. */
public class GatewayTest {
    private static final String ID = "LTAI-test-0001";
    private static final String SECRET = "test-secret-0001";

    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    private final RawClient raw = new RawClient(emu);
    private final Account account = emu.addAccount(Account.create(ID, SECRET).activated(true));

    @After
    public void stop() {
        emu.close();
    }

    private RawClient.Response signed(Map<String, String> query) throws Exception {
        return raw.signed("POST", query, Map.of(), SECRET);
    }

    @Test
    public void documentedSignatureExampleVerifies() {
        // help.aliyun.com/document_detail/28839 worked example (DescribeRegions, key "testsecret").
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("Format", "XML");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Version", "2014-05-26");

        String toSign = RpcSignature.stringToSign("GET", p);

        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                toSign);
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", RpcSignature.sign("testsecret", toSign));
    }

    @Test
    public void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertEquals("a%20b%2Ac~d%2Be%2Ff%3D%E4%B8%AD", RpcSignature.percentEncode("a b*c~d+e/f=中"));
    }

    @Test
    public void wrongSecretIsSignatureDoesNotMatchWithTheServerStringToSign() {
        try {
            Sdk.of(emu, ID, "wrong-secret").send(Sdk.of(emu, ID, "x").request("DescribeCdnService",
                    com.aliyuncs.http.MethodType.POST));
            throw new AssertionError("expected SignatureDoesNotMatch");
        } catch (ClientException e) {
            assertEquals("SignatureDoesNotMatch", e.getErrCode());
            assertTrue(e.getErrMsg(), e.getErrMsg().contains("server string to sign is:POST&%2F&AccessKeyId%3D"
                    + "LTAI-test-0001%26Action%3DDescribeCdnService"));
        }
        assertEquals(400, emu.requests().get(0).status());
    }

    @Test
    public void unknownAccessKeyIsNotFoundWith404() throws Exception {
        RawClient.Response r = raw.signed("POST", RawClient.common("DescribeCdnService", "LTAI-test-9999"), Map.of(),
                SECRET);

        assertEquals(404, r.status());
        assertEquals("InvalidAccessKeyId.NotFound", r.code());
        assertEquals("InvalidAccessKeyId.NotFound", Sdk.of(emu, "LTAI-test-9999", SECRET).code("DescribeCdnService"));
    }

    @Test
    public void timestampOlderThanFifteenMinutesIsExpired() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        q.put("Timestamp", Instant.now().minus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());

        RawClient.Response r = signed(q);

        assertEquals(400, r.status());
        assertEquals("InvalidTimeStamp.Expired", r.code());
    }

    @Test
    public void timestampInTheFutureBeyondTheSkewIsExpiredButWithinItIsAccepted() throws Exception {
        Map<String, String> far = RawClient.common("DescribeCdnService", ID);
        far.put("Timestamp", Instant.now().plus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        Map<String, String> near = RawClient.common("DescribeCdnService", ID);
        near.put("Timestamp", Instant.now().minus(14, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());

        assertEquals("InvalidTimeStamp.Expired", signed(far).code());
        assertEquals(200, signed(near).status());
    }

    @Test
    public void malformedTimestampIsFormatError() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        q.put("Timestamp", "22/11/2026 05:00");

        RawClient.Response r = signed(q);

        assertEquals(400, r.status());
        assertEquals("InvalidTimeStamp.Format", r.code());
    }

    @Test
    public void replayingTheExactSameUrlIsSignatureNonceUsed() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        q.put("Signature", RawClient.sign("GET", q, SECRET));
        String url = "/?" + RawClient.form(q);

        RawClient.Response first = raw.send("GET", url, null);
        RawClient.Response replay = raw.send("GET", url, null);

        assertEquals(200, first.status());
        assertEquals(400, replay.status());
        assertEquals("SignatureNonceUsed", replay.code());
    }

    @Test
    public void aForgedRequestDoesNotBurnTheNonce() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        assertEquals("SignatureDoesNotMatch", raw.signed("GET", q, Map.of(), "not-the-secret").code());

        assertEquals(200, raw.signed("GET", q, Map.of(), SECRET).status());
    }

    @Test
    public void eachMissingCommonParameterIsNamed() throws Exception {
        for (String name : new String[] {"Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion",
                "SignatureNonce", "Timestamp"}) {
            Map<String, String> q = RawClient.common("DescribeCdnService", ID);
            q.remove(name);

            RawClient.Response r = signed(q);

            assertEquals(name, 400, r.status());
            assertEquals("Missing" + name, r.code());
            assertEquals(name + " is mandatory for this action.", r.message());
        }
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        assertEquals("MissingSignature", raw.send("GET", "/?" + RawClient.form(q), null).code());
    }

    @Test
    public void wrongVersionIsInvalidVersion() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        q.put("Version", "2014-11-11");

        RawClient.Response r = signed(q);

        assertEquals(400, r.status());
        assertEquals("InvalidVersion", r.code());
    }

    @Test
    public void unknownActionIsNotFoundWith404() throws Exception {
        assertEquals("InvalidAction.NotFound", Sdk.of(emu, ID, SECRET).code("DescribeCdnDomainDetail"));
        assertEquals(404, emu.requests().get(0).status());
    }

    @Test
    public void otherPathsAndMethodsAreNotFound() throws Exception {
        Map<String, String> q = RawClient.common("DescribeCdnService", ID);
        q.put("Signature", RawClient.sign("GET", q, SECRET));

        assertEquals("InvalidAction.NotFound", raw.send("GET", "/api?" + RawClient.form(q), null).code());
        assertEquals(404, raw.send("PUT", "/?" + RawClient.form(q), null).status());
    }

    @Test
    public void unsupportedSignatureMethodIsIncompleteSignature() throws Exception {
        Map<String, String> sha256 = RawClient.common("DescribeCdnService", ID);
        sha256.put("SignatureMethod", "HMAC-SHA256");
        Map<String, String> v2 = RawClient.common("DescribeCdnService", ID);
        v2.put("SignatureVersion", "2.0");

        assertEquals("IncompleteSignature", signed(sha256).code());
        assertEquals(400, signed(v2).status());
    }

    @Test
    public void malformedPercentEncodingIsRejected() throws Exception {
        // (A bad escape in the URL itself is refused by the URI parser before any handler; the body is ours.)
        RawClient.Response r = raw.send("POST", "/?Action=DescribeCdnService", "Bad=%ZZ");

        assertEquals(400, r.status());
        assertEquals("InvalidParameter.Encoding", r.code());
    }

    @Test
    public void formBodyParametersAreSignedTogetherWithTheQuery() throws Exception {
        account.plan(Plan.dataTransfer("FP-1", "x", 1, 1, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
                .withStatus("closed"));
        Map<String, String> q = RawClient.common("DescribeCdnUserResourcePackage", ID);

        RawClient.Response r = raw.signed("POST", q, Map.of("Status", "closed", "Note", "a b+c*~"), SECRET);

        assertEquals(r.body(), 200, r.status());
        assertTrue(r.body(), r.body().contains("FP-1"));
    }

    @Test
    public void stsTokenIsAcceptedWhenTheAccountHasIt() throws Exception {
        account.securityToken("sts-token-1");

        assertEquals("OK", Sdk.sts(emu, ID, SECRET, "sts-token-1").code("DescribeCdnService"));
    }

    @Test
    public void stsTokenThatTheAccountDoesNotHaveIsMismatch() {
        assertEquals("InvalidSecurityToken.MismatchWithAccessKey",
                Sdk.sts(emu, ID, SECRET, "sts-token-1").code("DescribeCdnService"));
        account.securityToken("sts-token-2");
        assertEquals("InvalidSecurityToken.MismatchWithAccessKey",
                Sdk.sts(emu, ID, SECRET, "sts-token-1").code("DescribeCdnService"));
    }

    @Test
    public void expiredStsTokenIsExpired() {
        account.securityToken("sts-token-1").securityTokenExpired(true);

        assertEquals("InvalidSecurityToken.Expired", Sdk.sts(emu, ID, SECRET, "sts-token-1").code("DescribeCdnService"));
        assertEquals(400, emu.requests().get(0).status());
    }

    @Test
    public void errorBodiesCarryTheDocumentedKeysAndTheRequestIdHeader() throws Exception {
        RawClient.Response r = raw.signed("POST", RawClient.common("DescribeCdnService", "LTAI-test-9999"), Map.of(),
                SECRET);

        assertEquals("application/json;charset=utf-8", r.contentType());
        String requestId = r.json().get("RequestId").getAsString();
        assertEquals(requestId, r.requestIdHeader());
        assertEquals("cdn.aliyuncs.com", r.json().get("HostId").getAsString());
        assertEquals("Specified access key is not found.", r.message());
        assertEquals("https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&product=Cdn&requestId="
                + requestId, r.json().get("Recommend").getAsString());
        assertEquals(5, r.json().size());
    }

    @Test
    public void aBodyParameterOverridesTheSameNameInTheQueryLikeTheSdkSigner() throws Exception {
        account.plan(Plan.dataTransfer("FP-1", "x", 1, 1, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")
                .withStatus("closed"));
        Map<String, String> q = RawClient.common("DescribeCdnUserResourcePackage", ID);
        q.put("Status", "valid");

        RawClient.Response r = raw.signed("POST", q, Map.of("Status", "closed"), SECRET);

        assertEquals(r.body(), 200, r.status());
        assertTrue(r.body(), r.body().contains("FP-1"));
    }
}

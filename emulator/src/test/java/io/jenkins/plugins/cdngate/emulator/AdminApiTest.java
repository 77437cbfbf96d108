package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** The admin HTTP path: unsigned, loopback only, never echoes a secret. */
public class AdminApiTest {
    private static final String SECRET = "test-secret-0001";

    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    private final RawClient http = new RawClient(emu);

    @After
    public void stop() {
        emu.close();
    }

    private RawClient.Response admin(String method, String path, String json) throws IOException {
        return http.sendJson(method, "/_emulator" + path, json);
    }

    @Test
    public void putCreatesAnAccountTheSdkCanUseAndGetNeverShowsTheSecret() throws IOException {
        RawClient.Response put = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\","
                + "\"accessKeySecret\":\"" + SECRET + "\",\"activated\":true,\"locks\":[\"financial\"],"
                + "\"securityToken\":\"sts-secret-token\"}");

        assertEquals(201, put.status());
        assertEquals("OK", Sdk.of(emu, "LTAI-test-0001", SECRET).code("DescribeCdnService"));
        RawClient.Response get = admin("GET", "/accounts/LTAI-test-0001", null);
        assertEquals(200, get.status());
        assertEquals("financial", get.json().getAsJsonArray("locks").get(0).getAsString());
        assertTrue(get.json().get("hasSecurityToken").getAsBoolean());
        for (String body : new String[] {put.body(), get.body(), admin("GET", "/accounts", null).body()}) {
            assertFalse(body, body.contains(SECRET));
            assertFalse(body, body.contains("sts-secret-token"));
        }
    }

    @Test
    public void putWithoutASecretPatchesTheLiveAccount() throws IOException {
        Account live = emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true).locks("financial"));

        RawClient.Response patch = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\",\"locks\":[],"
                + "\"plans\":[{\"instanceId\":\"FP-1\",\"commodityCode\":\"cdnflowbag\",\"currCapacity\":5,"
                + "\"initCapacity\":\"10\"}]}");

        assertEquals(200, patch.status());
        assertTrue(live.locks().isEmpty());
        assertEquals("5", live.plans().get(0).currCapacity());
        assertTrue("untouched fields stay", live.isActivated());
    }

    @Test
    public void denyInAPatchIsTheWholeSetSoAnEmptyObjectClearsEveryDenial() throws IOException {
        Account live = emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true)
                .deny("DescribeCdnService", "Forbidden.RAM").deny("DescribeCdnUserResourcePackage", "NoPermission"));
        Sdk sdk = Sdk.of(emu, "LTAI-test-0001", SECRET);

        RawClient.Response one = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\","
                + "\"deny\":{\"OpenCdnService\":\"NoPermission\",\"DescribeCdnService\":null}}");

        assertEquals(200, one.status());
        assertEquals(Map.of("OpenCdnService", "NoPermission"), live.denied());
        assertEquals("OK", sdk.code("DescribeCdnService"));
        assertEquals("OK", sdk.code("DescribeCdnUserResourcePackage"));

        RawClient.Response cleared = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\",\"deny\":{}}");

        assertEquals(200, cleared.status());
        assertTrue(live.denied().isEmpty());
        assertEquals(0, cleared.json().getAsJsonObject("deny").size());
    }

    @Test
    public void aBadDenialCodeChangesNothing() throws IOException {
        Account live = emu.addAccount(Account.create("LTAI-test-0001", SECRET).deny("DescribeCdnService"));

        RawClient.Response bad = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\","
                + "\"deny\":{\"OpenCdnService\":\"NoPermission\",\"DescribeCdnService\":\"Nope\"}}");

        assertEquals(400, bad.status());
        assertEquals(Map.of("DescribeCdnService", "Forbidden.RAM"), live.denied());
    }

    @Test
    public void everyRequestLogEntryCarriesCodeAndFaultEvenWhenNull() throws IOException {
        emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true));
        Sdk sdk = Sdk.of(emu, "LTAI-test-0001", SECRET);
        sdk.code("DescribeCdnService");
        emu.inject("DescribeCdnService", Fault.status503().times(1));
        sdk.code("DescribeCdnService");

        JsonArray requests = admin("GET", "/requests", null).json().getAsJsonArray("requests");

        JsonObject ok = requests.get(0).getAsJsonObject();
        assertTrue(ok.toString(), ok.has("code") && ok.get("code").isJsonNull());
        assertTrue(ok.toString(), ok.has("fault") && ok.get("fault").isJsonNull());
        JsonObject faulted = requests.get(1).getAsJsonObject();
        assertEquals("ServiceUnavailable", faulted.get("code").getAsString());
        assertEquals("status503", faulted.get("fault").getAsString());
    }

    @Test
    public void faultsCanBeInjectedListedAndCleared() throws IOException {
        emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true));
        Sdk sdk = Sdk.of(emu, "LTAI-test-0001", SECRET);

        RawClient.Response post = admin("POST", "/faults",
                "{\"action\":\"DescribeCdnService\",\"fault\":\"status503\",\"times\":1}");

        assertEquals(200, post.status());
        assertEquals("DescribeCdnService status503 x1", post.json().getAsJsonArray("faults").get(0).getAsString());
        assertEquals("ServiceUnavailable", sdk.code("DescribeCdnService"));
        assertEquals("OK", sdk.code("DescribeCdnService"));
        admin("POST", "/faults", "[{\"fault\":\"throttle\"}]");
        assertEquals("Throttling.User", sdk.code("DescribeCdnUserResourcePackage"));
        assertEquals(200, admin("DELETE", "/faults", null).status());
        assertEquals("OK", sdk.code("DescribeCdnUserResourcePackage"));
    }

    @Test
    public void requestLogShowsMaskedKeysAndCanBeCleared() throws IOException {
        emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true));
        Sdk.of(emu, "LTAI-test-0001", SECRET).code("DescribeCdnService");

        RawClient.Response log = admin("GET", "/requests", null);

        assertEquals(1, log.json().get("count").getAsInt());
        JsonObject first = log.json().getAsJsonArray("requests").get(0).getAsJsonObject();
        assertEquals("LTAI****0001", first.get("accessKeyId").getAsString());
        assertEquals(200, first.get("status").getAsInt());
        assertFalse(log.body().contains("LTAI-test-0001"));
        admin("DELETE", "/requests", null);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void adminRequestsAreNotLoggedAsApiCalls() throws IOException {
        admin("GET", "/accounts", null);

        assertEquals(0, emu.requestCount());
    }

    @Test
    public void badInputIsAOneLine400NamingTheProblem() throws IOException {
        RawClient.Response typo = admin("PUT", "/accounts", "{\"accessKeyId\":\"LTAI-test-0001\","
                + "\"accessKeySecret\":\"" + SECRET + "\",\"activatd\":true}");
        RawClient.Response badFault = admin("POST", "/faults", "{\"fault\":\"explode\"}");
        RawClient.Response notJson = admin("POST", "/faults", "{");

        assertEquals(400, typo.status());
        assertTrue(typo.body(), typo.json().get("error").getAsString().contains("unknown key 'activatd'"));
        assertFalse(typo.body().contains(SECRET));
        assertEquals(400, badFault.status());
        assertTrue(badFault.json().get("error").getAsString().contains("Unknown fault 'explode'"));
        assertEquals(400, notJson.status());
        assertEquals(404, admin("GET", "/accounts/LTAI-test-9999", null).status());
        assertEquals(404, admin("GET", "/nothing", null).status());
    }

    @Test
    public void deleteRemovesAnAccount() throws IOException {
        emu.addAccount(Account.create("LTAI-test-0001", SECRET).activated(true));

        assertEquals(200, admin("DELETE", "/accounts/LTAI-test-0001", null).status());

        assertEquals("InvalidAccessKeyId.NotFound", Sdk.of(emu, "LTAI-test-0001", SECRET).code("DescribeCdnService"));
    }

    @Test
    public void adminPathIsRefusedWhenNotBoundToLoopback() throws IOException {
        try (CdnEmulator wide = CdnEmulator.start(EmulatorOptions.defaults().bindAddress("0.0.0.0"))) {
            RawClient.Response r = new RawClient(wide).sendJson("GET", "/_emulator/accounts", null);

            assertEquals(403, r.status());
        }
    }

    @Test
    public void changesMustBeSentAsJsonSoABrowserPageCannotForgeThem() throws IOException {
        RawClient.Response form = http.send("POST", "/_emulator/faults", "fault=status500");

        assertEquals(415, form.status());
        assertTrue(emu.faults().isEmpty());
    }

    @Test
    public void onlyLoopbackHostNamesAreServedAgainstDnsRebinding() {
        assertTrue(AdminApi.loopbackHost("127.0.0.1:18080"));
        assertTrue(AdminApi.loopbackHost("localhost"));
        assertTrue(AdminApi.loopbackHost("[::1]:18080"));
        assertFalse(AdminApi.loopbackHost("evil.example:18080"));
        assertFalse(AdminApi.loopbackHost("127.0.0.1.evil.example"));
        assertFalse(AdminApi.loopbackHost(null));
    }
}

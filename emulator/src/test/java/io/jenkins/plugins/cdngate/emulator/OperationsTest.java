package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.reader.ReaderFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/** Success shapes of the three operations, through the real SDK (CommonRequest over HTTP). */
public class OperationsTest {
    private static final String ID = "LTAI-test-0001";
    private static final String SECRET = "test-secret-0001";

    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    private final Sdk sdk = Sdk.of(emu, ID, SECRET);

    @After
    public void stop() {
        emu.close();
    }

    private Account activeAccount() {
        return emu.addAccount(Account.create(ID, SECRET).activated(true).instanceId("aliuidxx")
                .openingTime("2024-02-28T13:11:49Z").chargeType("PayByTraffic"));
    }

    private static Plan plan(String id, String status) {
        return new Plan(id, "cdnflowbag", "CDN流量包(中国内地版) <a=b&c>", "CDN data transfer plan", status,
                "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "10995089554629", "536870912000");
    }

    @Test
    public void describeServiceReturnsEveryDocumentedFieldWithWrappedLocks() throws Exception {
        activeAccount().changing("PayByBandwidth", "2026-11-23T16:00:00Z").locks("financial", "security");

        JsonObject body = sdk.call("DescribeCdnService");

        assertEquals("aliuidxx", body.get("InstanceId").getAsString());
        assertEquals("2024-02-28T13:11:49Z", body.get("OpeningTime").getAsString());
        assertEquals("PayByTraffic", body.get("InternetChargeType").getAsString());
        assertEquals("PayByBandwidth", body.get("ChangingChargeType").getAsString());
        assertEquals("2026-11-23T16:00:00Z", body.get("ChangingAffectTime").getAsString());
        JsonArray locks = body.getAsJsonObject("OperationLocks").getAsJsonArray("LockReason");
        assertEquals(2, locks.size());
        assertEquals("financial", locks.get(0).getAsJsonObject().get("LockReason").getAsString());
        assertEquals("security", locks.get(1).getAsJsonObject().get("LockReason").getAsString());
        assertFalse(body.get("RequestId").getAsString().isEmpty());
    }

    @Test
    public void typedPathReaderSeesTheLocksAtTheKeysTheCdnModelReads() throws Exception {
        // The typed CDN models read DescribeCdnServiceResponse.OperationLocks[i].LockReason through the
        // SDK's legacy JsonReader (reference §3): only the wrapped array lands there.
        activeAccount().locks("financial");
        String data = sdk.send(sdk.request("DescribeCdnService", MethodType.POST)).getData();

        Map<String, String> keys = ReaderFactory.createInstance(FormatType.JSON).read(data, "DescribeCdnServiceResponse");

        assertEquals("1", keys.get("DescribeCdnServiceResponse.OperationLocks.Length"));
        assertEquals("financial", keys.get("DescribeCdnServiceResponse.OperationLocks[0].LockReason"));
        assertEquals("aliuidxx", keys.get("DescribeCdnServiceResponse.InstanceId"));
    }

    @Test
    public void noLocksIsAnEmptyWrappedArray() throws Exception {
        activeAccount();

        JsonObject body = sdk.call("DescribeCdnService");

        assertEquals(0, body.getAsJsonObject("OperationLocks").getAsJsonArray("LockReason").size());
        assertFalse("no pending change, no ChangingChargeType", body.has("ChangingChargeType"));
    }

    @Test
    public void plansComeWrappedWithCapacitiesAsStringsAndRawUtf8() throws Exception {
        activeAccount().plan(plan("FP-0001", "valid")).plan(Plan.httpsRequests("CDNHTTPSBAG-1", "HTTPS requests",
                9000000L, 10000000L, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));

        CommonResponse resp = sdk.send(sdk.request("DescribeCdnUserResourcePackage", MethodType.POST));
        JsonObject body = JsonParser.parseString(resp.getData()).getAsJsonObject();

        JsonArray infos = body.getAsJsonObject("ResourcePackageInfos").getAsJsonArray("ResourcePackageInfo");
        assertEquals(2, infos.size());
        JsonObject first = infos.get(0).getAsJsonObject();
        for (String key : new String[] {"InstanceId", "CommodityCode", "DisplayName", "TemplateName", "Status",
                "StartTime", "EndTime", "CurrCapacity", "InitCapacity"}) {
            assertTrue(key + " is a string", first.get(key).getAsJsonPrimitive().isString());
        }
        assertEquals("10995089554629", first.get("CurrCapacity").getAsString());
        assertEquals("cdnhttpsbag", infos.get(1).getAsJsonObject().get("CommodityCode").getAsString());
        // Raw UTF-8, no \\u escapes, no HTML escaping: the SDK's JsonReader cannot decode \\uXXXX.
        assertTrue(resp.getData(), resp.getData().contains("CDN流量包(中国内地版) <a=b&c>"));
        assertFalse(resp.getData().contains("\\u"));
    }

    @Test
    public void typedPathReaderSeesThePlansAtTheKeysTheCdnModelReads() throws Exception {
        activeAccount().plan(plan("FP-0001", "valid"));
        String data = sdk.send(sdk.request("DescribeCdnUserResourcePackage", MethodType.POST)).getData();

        Map<String, String> keys = ReaderFactory.createInstance(FormatType.JSON)
                .read(data, "DescribeCdnUserResourcePackageResponse");

        assertEquals("1", keys.get("DescribeCdnUserResourcePackageResponse.ResourcePackageInfos.Length"));
        assertEquals("536870912000", keys.get("DescribeCdnUserResourcePackageResponse.ResourcePackageInfos[0].InitCapacity"));
        assertEquals("CDN流量包(中国内地版) <a=b&c>",
                keys.get("DescribeCdnUserResourcePackageResponse.ResourcePackageInfos[0].DisplayName"));
    }

    @Test
    public void statusFilterDefaultsToValidAndSelectsClosedOrExhausted() throws Exception {
        activeAccount().plan(plan("FP-valid", "valid")).plan(plan("FP-closed", "closed"))
                .plan(plan("FP-exhaust", "exhaust"));

        assertEquals("FP-valid", onlyPlan(sdk.call("DescribeCdnUserResourcePackage")));
        assertEquals("FP-valid", onlyPlan(sdk.call("DescribeCdnUserResourcePackage", "Status", "valid")));
        assertEquals("FP-closed", onlyPlan(sdk.call("DescribeCdnUserResourcePackage", "Status", "closed")));
        assertEquals("FP-exhaust", onlyPlan(sdk.call("DescribeCdnUserResourcePackage", "Status", "exhaust")));
    }

    @Test
    public void unknownStatusValueIsInvalidParameter() {
        activeAccount();

        assertEquals("InvalidParameter", sdk.code("DescribeCdnUserResourcePackage", "Status", "expired"));
    }

    @Test
    public void noPlansIsAnEmptyWrappedArray() throws Exception {
        activeAccount();

        JsonObject body = sdk.call("DescribeCdnUserResourcePackage");

        assertEquals(0, body.getAsJsonObject("ResourcePackageInfos").getAsJsonArray("ResourcePackageInfo").size());
    }

    private static String onlyPlan(JsonObject body) {
        JsonArray infos = body.getAsJsonObject("ResourcePackageInfos").getAsJsonArray("ResourcePackageInfo");
        assertEquals(infos.toString(), 1, infos.size());
        return infos.get(0).getAsJsonObject().get("InstanceId").getAsString();
    }

    @Test
    public void openActivatesWithOpeningTimeAndInstanceId() throws Exception {
        Account a = emu.addAccount(Account.create(ID, SECRET));
        assertEquals("CdnServiceNotFound", sdk.code("DescribeCdnService"));

        JsonObject open = sdk.call("OpenCdnService", "InternetChargeType", "PayByTraffic");

        assertEquals(1, open.size());
        assertNotNull(open.get("RequestId").getAsString());
        assertTrue(a.isActivated());
        JsonObject service = sdk.call("DescribeCdnService");
        assertTrue(service.get("OpeningTime").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertFalse(service.get("InstanceId").getAsString().isEmpty());
        assertEquals("PayByTraffic", service.get("InternetChargeType").getAsString());
    }

    @Test
    public void secondOpenSaysHasOpened() throws Exception {
        emu.addAccount(Account.create(ID, SECRET));
        sdk.call("OpenCdnService", "InternetChargeType", "PayByTraffic");

        assertEquals("CdnService.HasOpened", sdk.code("OpenCdnService", "InternetChargeType", "PayByTraffic"));
    }

    @Test
    public void concurrentOpensActivateExactlyOnce() throws Exception {
        emu.addAccount(Account.create(ID, SECRET));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return sdk.code("OpenCdnService", "InternetChargeType", "PayByTraffic");
            }));
        }
        go.countDown();
        int ok = 0;
        for (java.util.concurrent.Future<String> f : results) {
            String code = f.get();
            if ("OK".equals(code)) {
                ok++;
            } else {
                assertEquals("CdnService.HasOpened", code);
            }
        }
        pool.shutdown();

        assertEquals(1, ok);
    }

    @Test
    public void openWithAnyOtherChargeTypeIsNotSupportedAndDoesNotActivate() {
        Account a = emu.addAccount(Account.create(ID, SECRET));

        assertEquals("InvalidInternetChargeType.ValueNotSupported",
                sdk.code("OpenCdnService", "InternetChargeType", "PayByBandwidth"));
        assertFalse(a.isActivated());
    }

    @Test
    public void openWithoutChargeTypeIsMissingInternetChargeType() {
        emu.addAccount(Account.create(ID, SECRET));

        assertEquals("MissingInternetChargeType", sdk.code("OpenCdnService"));
    }

    @Test
    public void bothDescribesAnswerCdnServiceNotFoundWith403BeforeActivation() {
        emu.addAccount(Account.create(ID, SECRET));

        assertEquals("CdnServiceNotFound", sdk.code("DescribeCdnService"));
        assertEquals(403, lastStatus());
        assertEquals("CdnServiceNotFound", sdk.code("DescribeCdnUserResourcePackage"));
        assertEquals(403, lastStatus());
    }

    @Test
    public void notActivatedCodeCanBeOperationDenied() {
        emu.addAccount(Account.create(ID, SECRET).notActivatedCode("OperationDenied"));

        assertEquals("OperationDenied", sdk.code("DescribeCdnService"));
        assertEquals(403, lastStatus());
    }

    @Test
    public void getAndPostWithFormBodyAreBothVerifiedAndServed() throws Exception {
        activeAccount().plan(plan("FP-closed", "closed"));
        // Odd characters exercise the decode-then-re-encode step of signature checking.
        String odd = "a b*c~d+e/f=g&h 中文";
        CommonRequest get = sdk.request("DescribeCdnUserResourcePackage", MethodType.GET, "Status", "closed",
                "Note", odd);
        CommonRequest post = sdk.request("DescribeCdnUserResourcePackage", MethodType.POST, "Note", odd);
        post.putBodyParameter("Status", "closed");
        post.putBodyParameter("Other", odd);

        assertEquals("FP-closed", onlyPlan(JsonParser.parseString(sdk.send(get).getData()).getAsJsonObject()));
        assertEquals("FP-closed", onlyPlan(JsonParser.parseString(sdk.send(post).getData()).getAsJsonObject()));
        assertEquals("GET", emu.requests().get(0).method());
        assertEquals("POST", emu.requests().get(1).method());
    }

    @Test
    public void repliesCarryJsonContentTypeAndTheRequestIdHeader() throws Exception {
        activeAccount();
        CommonResponse resp = sdk.send(sdk.request("DescribeCdnService", MethodType.POST));

        String requestId = JsonParser.parseString(resp.getData()).getAsJsonObject().get("RequestId").getAsString();
        // com.sun.net.httpserver normalises header-name case ("X-acs-request-id"); HTTP names are
        // case-insensitive, so look them up that way.
        assertEquals(requestId, header(resp, "x-acs-request-id"));
        assertEquals("application/json;charset=utf-8", header(resp, "content-type"));
    }

    @Test
    public void regionIdAndOwnerIdAreAcceptedOnDescribeService() throws Exception {
        activeAccount();

        assertEquals("OK", sdk.code("DescribeCdnService", "RegionId", "cn-shanghai", "OwnerId", "123"));
    }

    @Test
    public void unknownParameterOnDescribeServiceIsUnsupportedParameter() {
        activeAccount();

        assertEquals("UnsupportedParameter", sdk.code("DescribeCdnService", "Colour", "blue"));
        assertEquals(400, lastStatus());
    }

    @Test
    public void anInvalidChargeTypeOnDescribeServiceIsInternetChargeTypeInvalid() {
        activeAccount();

        assertEquals("InternetChargeTypeInvalid", sdk.code("DescribeCdnService", "InternetChargeType", "PayByMood"));
        assertEquals(400, lastStatus());
        assertEquals("UnsupportedParameter", sdk.code("DescribeCdnService", "InternetChargeType", "PayByTraffic"));
    }

    @Test
    public void ramDenialAnswers403WithTheConfiguredCode() {
        activeAccount().deny("DescribeCdnService", "Forbidden.RAM").deny("DescribeCdnUserResourcePackage", "NoPermission");

        assertEquals("Forbidden.RAM", sdk.code("DescribeCdnService"));
        assertEquals(403, lastStatus());
        assertEquals("NoPermission", sdk.code("DescribeCdnUserResourcePackage"));
        assertEquals(403, lastStatus());
        assertEquals("CdnService.HasOpened", sdk.code("OpenCdnService", "InternetChargeType", "PayByTraffic"));
    }

    @Test
    public void requestLogRecordsRejectedRequestsToo() {
        activeAccount();
        sdk.code("DescribeCdnService");
        Sdk.of(emu, ID, "wrong-secret").code("DescribeCdnService");
        Sdk.of(emu, "LTAI-test-9999", SECRET).code("DescribeCdnUserResourcePackage");

        assertEquals(2, emu.requestCount("DescribeCdnService"));
        assertEquals(1, emu.requestCount("DescribeCdnUserResourcePackage"));
        RecordedRequest wrong = emu.requests().get(1);
        assertEquals("SignatureDoesNotMatch", wrong.code());
        assertEquals(400, wrong.status());
        assertEquals(ID, wrong.accessKeyId());
        assertNull(emu.requests().get(0).code());
        assertTrue(emu.requests().get(0).succeeded());
        emu.clearRequests();
        assertEquals(0, emu.requestCount());
        assertTrue(emu.requests().isEmpty());
    }

    private static String header(CommonResponse resp, String name) {
        for (Map.Entry<String, String> h : resp.getHttpResponse().getSysHeaders().entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private int lastStatus() {
        return emu.requests().get(emu.requests().size() - 1).status();
    }
}

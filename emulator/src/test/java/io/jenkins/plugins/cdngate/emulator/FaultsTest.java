package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.MethodType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/** Each injected fault, as the real SDK sees it. */
public class FaultsTest {
    private static final String ID = "LTAI-test-0001";
    private static final String SECRET = "test-secret-0001";
    private static final String DESCRIBE = "DescribeCdnService";
    private static final String PLANS = "DescribeCdnUserResourcePackage";

    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    private final Sdk sdk = Sdk.of(emu, ID, SECRET);

    {
        emu.addAccount(Account.create(ID, SECRET).activated(true).locks("financial")
                .plan(Plan.dataTransfer("FP-0001", "plan", 100, 200, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")));
    }

    @After
    public void stop() {
        emu.close();
    }

    private CommonResponse describe(String action) throws ClientException {
        return sdk.send(sdk.request(action, MethodType.POST));
    }

    private RawClient.Response raw(String action) throws IOException {
        return new RawClient(emu).signed("POST", RawClient.common(action, ID), Map.of(), SECRET);
    }

    @Test
    public void latencyDelaysANormalAnswer() throws Exception {
        emu.inject(DESCRIBE, Fault.latency(300));
        long start = System.nanoTime();

        CommonResponse resp = describe(DESCRIBE);

        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 300);
        assertEquals(200, resp.getHttpStatus());
        assertEquals("latency", emu.requests().get(0).fault());
    }

    @Test
    public void noAnswerEndsInTheClientsReadTimeout() {
        emu.inject(DESCRIBE, Fault.noAnswer());
        CommonRequest r = sdk.request(DESCRIBE, MethodType.POST);
        r.setSysReadTimeout(300);

        try {
            sdk.send(r);
            fail("expected a read timeout");
        } catch (ClientException e) {
            assertEquals("SDK.ReadTimeout", e.getErrCode());
        }
        assertEquals(0, emu.requests().get(0).status());
        assertEquals("noAnswer", emu.requests().get(0).fault());
    }

    @Test
    public void closeReturnsPromptlyWhileANoAnswerRequestIsPending() throws Exception {
        emu.inject(DESCRIBE, Fault.noAnswer());
        CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return raw(DESCRIBE);
            } catch (IOException e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emu.requestCount(DESCRIBE) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // waiting for the request to arrive; no latch can reach into the server
        }
        assertEquals(1, emu.requestCount(DESCRIBE));

        emu.close();

        // The client's own read timeout is 5 s; the answer must come from the close, well before.
        Object outcome = pending.get(4, TimeUnit.SECONDS);
        assertTrue(String.valueOf(outcome), outcome instanceof IOException);
    }

    @Test
    public void closeConnectionIsServerUnreachable() {
        emu.inject(DESCRIBE, Fault.closeConnection());

        assertEquals("SDK.ServerUnreachable", sdk.code(DESCRIBE));
        assertEquals(0, emu.requests().get(0).status());
    }

    @Test
    public void status500IsInternalErrorAsServerException() throws Exception {
        emu.inject(DESCRIBE, Fault.status500());
        try {
            describe(DESCRIBE);
            fail();
        } catch (ServerException e) {
            assertEquals("InternalError", e.getErrCode());
        }
        assertEquals(500, raw(DESCRIBE).status());
    }

    @Test
    public void status503IsServiceUnavailable() throws Exception {
        emu.inject(DESCRIBE, Fault.status503());

        RawClient.Response r = raw(DESCRIBE);

        assertEquals(503, r.status());
        assertEquals("ServiceUnavailable", r.code());
        assertEquals("ServiceUnavailable", sdk.code(DESCRIBE));
    }

    @Test
    public void html502IsAnHtmlPage() throws Exception {
        emu.inject(DESCRIBE, Fault.html502());

        RawClient.Response r = raw(DESCRIBE);

        assertEquals(502, r.status());
        assertEquals("text/html", r.contentType());
        assertTrue(r.body().startsWith("<html>"));
        try {
            describe(DESCRIBE);
            fail();
        } catch (ServerException e) {
            assertEquals("(null)", String.valueOf(e.getErrCode()));
        }
    }

    @Test
    public void empty200HasAJsonContentTypeAndNoBody() throws Exception {
        emu.inject(DESCRIBE, Fault.empty200());

        CommonResponse resp = describe(DESCRIBE);
        RawClient.Response r = raw(DESCRIBE);

        assertEquals(200, resp.getHttpStatus());
        assertEquals("", resp.getData());
        assertEquals("application/json;charset=utf-8", r.contentType());
        assertEquals("", r.body());
    }

    @Test
    public void malformedJsonIsTruncated() throws Exception {
        emu.inject(PLANS, Fault.malformedJson());

        String data = describe(PLANS).getData();

        assertTrue(data, data.startsWith("{\"RequestId\""));
        try {
            JsonParser.parseString(data);
            fail("should not parse: " + data);
        } catch (JsonSyntaxException expected) {
            // truncated
        }
    }

    @Test
    public void missingFieldsDropsRequestIdAndTheMainPayload() throws Exception {
        emu.inject("*", Fault.missingFields());

        JsonObject service = JsonParser.parseString(describe(DESCRIBE).getData()).getAsJsonObject();
        JsonObject plans = JsonParser.parseString(describe(PLANS).getData()).getAsJsonObject();

        assertFalse(service.has("RequestId"));
        assertFalse(service.has("OperationLocks"));
        assertFalse(plans.has("RequestId"));
        assertFalse(plans.has("ResourcePackageInfos"));
    }

    @Test
    public void wrongTypesPutsObjectsBooleansAndBareStringsWhereStringsAndArraysBelong() throws Exception {
        emu.inject("*", Fault.wrongTypes());

        JsonObject service = JsonParser.parseString(describe(DESCRIBE).getData()).getAsJsonObject();
        JsonObject plans = JsonParser.parseString(describe(PLANS).getData()).getAsJsonObject();

        assertTrue(service.get("OperationLocks").getAsJsonPrimitive().isString());
        JsonObject info = plans.getAsJsonObject("ResourcePackageInfos").getAsJsonObject("ResourcePackageInfo");
        assertTrue(info.get("CurrCapacity").isJsonObject());
        assertTrue(info.get("InitCapacity").getAsJsonPrimitive().isBoolean());
    }

    @Test
    public void throttleAnswersThrottlingUserNow() throws Exception {
        emu.inject(DESCRIBE, Fault.throttle());

        RawClient.Response r = raw(DESCRIBE);

        assertEquals(400, r.status());
        assertEquals("Throttling.User", r.code());
    }

    @Test
    public void timesLimitsTheFaultToTheNextNCalls() {
        emu.inject(DESCRIBE, Fault.status500().times(2));

        assertEquals("InternalError", sdk.code(DESCRIBE));
        assertEquals("InternalError", sdk.code(DESCRIBE));
        assertEquals("OK", sdk.code(DESCRIBE));
        assertTrue(emu.faults().isEmpty());
    }

    @Test
    public void faultsHitOnlyTheirAction() {
        emu.inject(PLANS, Fault.status503());

        assertEquals("OK", sdk.code(DESCRIBE));
        assertEquals("ServiceUnavailable", sdk.code(PLANS));
    }

    @Test
    public void probabilityWithASeedGivesTheSameSequenceEveryRun() {
        List<String> first = outcomes(42);
        List<String> second = outcomes(42);

        assertEquals(first, second);
        assertTrue(first.toString(), first.contains("OK"));
        assertTrue(first.toString(), first.contains("InternalError"));
    }

    private static List<String> outcomes(long seed) {
        try (CdnEmulator e = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            e.addAccount(Account.create(ID, SECRET).activated(true));
            e.inject(DESCRIBE, Fault.status500().probability(0.5, seed));
            Sdk s = Sdk.of(e, ID, SECRET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                out.add(s.code(DESCRIBE));
            }
            return out;
        }
    }

    @Test
    public void clearFaultsRestoresNormalAnswers() {
        emu.inject("*", Fault.status503());
        assertEquals("ServiceUnavailable", sdk.code(DESCRIBE));

        emu.clearFaults();

        assertEquals("OK", sdk.code(DESCRIBE));
    }

    @Test
    public void rejectedRequestsDoNotConsumeAFault() {
        emu.inject(DESCRIBE, Fault.status500().times(1));

        assertEquals("SignatureDoesNotMatch", Sdk.of(emu, ID, "wrong-secret").code(DESCRIBE));
        assertEquals("InternalError", sdk.code(DESCRIBE));
        assertNull(emu.requests().get(0).fault());
        assertNotNull(emu.requests().get(1).fault());
    }

    @Test
    public void aNoAnswerConnectionIsDroppedAfterTheHoldTime() {
        try (CdnEmulator held = CdnEmulator.start(EmulatorOptions.defaults().noAnswerHold(java.time.Duration.ofMillis(200)))) {
            held.addAccount(Account.create(ID, SECRET).activated(true));
            held.inject(DESCRIBE, Fault.noAnswer());
            Sdk client = Sdk.of(held, ID, SECRET);
            CommonRequest r = client.request(DESCRIBE, MethodType.POST);
            r.setSysReadTimeout(5000);

            try {
                client.send(r);
                fail("expected the connection to be dropped");
            } catch (ClientException e) {
                // dropped after 200 ms: the connection closes, no 5 s read timeout
                assertEquals("SDK.ServerUnreachable", e.getErrCode());
            }
        }
    }
}

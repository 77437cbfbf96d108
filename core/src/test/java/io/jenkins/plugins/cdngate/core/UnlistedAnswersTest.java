package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Answers the emulator cannot give (an error code nobody documented, a body without Content-Type, locks as a
 * bare array), from a bare HTTP server on loopback, through the real SDK. The server does not check
 * signatures; everything else about the call is real.
 */
public class UnlistedAnswersTest {
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int status;
    private volatile String contentType;
    private volatile String body;

    @Before
    public void start() throws IOException {
        CdnClient.backoffBaseMillis = 1;
        CdnClient.backoffCapMillis = 5;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                ex.getResponseHeaders().set("Content-Type", contentType);
            }
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @After
    public void stop() {
        server.stop(0);
        CdnClient.backoffBaseMillis = 200;
        CdnClient.backoffCapMillis = 5000;
    }

    private Report ensure() throws InterruptedException {
        ConnectionSettings conn = ConnectionSettings.defaults().withEndpoint("127.0.0.1:" + server.getAddress().getPort())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)).withRetries(3, Duration.ofSeconds(20));
        return EnsureActive.run(EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "test-secret-0001"), conn));
    }

    private void answer(int httpStatus, String type, String text) {
        status = httpStatus;
        contentType = type;
        body = text;
    }

    @Test
    public void anUndocumentedCodeFailsClosedShowingCodeAndMessageWithoutRetry() throws Exception {
        answer(400, "application/json", "{\"RequestId\":\"R-9\",\"Code\":\"Brand.New.Code\",\"Message\":\"Something new.\"}");
        Report r = ensure();
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("Brand.New.Code (HTTP 400): Something new"));
        assertTrue(r.reason(), r.reason().contains("Unrecognised error code Brand.New.Code"));
        assertTrue(r.reason(), r.reason().contains("[Code Brand.New.Code, RequestId R-9]"));
        assertEquals(1, calls.get());
    }

    @Test
    public void anUndocumentedCodeWithA5xxStatusIsRetried() throws Exception {
        answer(504, "application/json", "{\"RequestId\":\"R-9\",\"Code\":\"GatewayTimeout\",\"Message\":\"upstream\"}");
        Report r = ensure();
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals(3, calls.get());
    }

    @Test
    public void lowerCaseErrorKeysAreReadLikeTheSdkDoes() throws Exception {
        answer(403, "application/json", "{\"requestId\":\"R-7\",\"code\":\"Forbidden.RAM\",\"message\":\"denied\"}");
        Report r = ensure();
        assertTrue(r.reason(), r.reason().contains("[Code Forbidden.RAM, RequestId R-7]"));
    }

    @Test
    public void aBodyWithoutContentTypeIsATransportFailure() throws Exception {
        answer(200, null, "{\"RequestId\":\"R-1\"}");
        Report r = ensure();
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("SDK.RequestTryOrRetryFailed"));
    }

    @Test
    public void locksAsABareArrayStillFail() throws Exception {
        // The typed SDK model reads this shape as zero locks (reference section 8); we must not.
        answer(200, "application/json", "{\"RequestId\":\"R-1\",\"OpeningTime\":\"2024-02-28T13:11:49Z\","
                + "\"InternetChargeType\":\"PayByTraffic\",\"OperationLocks\":[{\"LockReason\":\"financial\"}]}");
        Report r = ensure();
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("locked (financial)"));
    }

    @Test
    public void anXmlAnswerIsMalformed() throws Exception {
        answer(200, "application/xml", "<DescribeCdnServiceResponse><RequestId>R</RequestId></DescribeCdnServiceResponse>");
        Report r = ensure();
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("CdnGate.MalformedResponse"));
    }
}

package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.NoHttpResponseException;
import org.junit.Test;

/** Transport failures are told in words, not Java class names (acceptance review 2, polish). */
public class TransportWordsTest {

    /** cause (wrapped once, as the SDK does) -> words */
    private static final Object[][] CAUSES = {
            {new NoHttpResponseException("127.0.0.1:1 failed to respond"), "the connection was closed without an answer"},
            {new UnknownHostException("cdn.example.invalid: Name or service not known"),
                    "host name 'cdn.example.invalid' not found (DNS)"},
            {new ConnectException("Connection refused"), "the connection was refused"},
            {new SSLHandshakeException("PKIX path building failed"), "the TLS handshake failed (PKIX path building failed)"},
            {new SocketException("Connection reset"), "the connection was reset"},
            {new SocketException("Network is unreachable (connect failed)"), "the network is unreachable"},
    };

    @Test
    public void knownCausesAreToldInWords() {
        for (Object[] row : CAUSES) {
            Throwable wrapped = new IOException("wrapper", (Throwable) row[0]);
            assertEquals(row[0].toString(), row[1], CdnClient.causeInWords(wrapped));
        }
        // nothing better known: the caller keeps the exception's own name and message
        assertNull(CdnClient.causeInWords(new IOException("odd")));
        assertNull(CdnClient.causeInWords(null));
    }

    @Test
    public void aRefusedConnectionIsToldInWordsWithoutAClassNameOrRequestId() throws Exception {
        // given a port nobody listens on
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConnectionSettings conn = ConnectionSettings.defaults().withEndpoint("127.0.0.1:" + port)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withRetries(1, Duration.ofSeconds(10));
        // when
        Report r = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "test-secret-0001"), conn));
        // then
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("could not reach 127.0.0.1:" + port + ": the connection was refused"));
        assertFalse(r.reason(), r.reason().contains("Exception"));
        assertFalse(r.reason(), r.reason().contains("RequestId"));
    }

    @Test
    public void aTlsHandshakeThatHangsIsNamedAsTheTlsHandshake() throws Exception {
        // given an https:// endpoint on a port that accepts TCP connections and never answers (a plain-HTTP port,
        // a proxy that swallows TLS) (issue 8 item 5)
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept, read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-tls-server");
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSettings conn = ConnectionSettings.defaults().withEndpoint("https://127.0.0.1:" + silent.getLocalPort())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)).withRetries(1, Duration.ofSeconds(30));
            // when
            Report r = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of("LTAI-test-0001", "test-secret-0001"), conn));
            // then
            assertEquals(Verdict.FAIL, r.verdict());
            assertTrue(r.reason(), r.reason().contains("the TLS handshake"));
            assertFalse(r.reason(), r.reason().contains("the connection attempt timed out"));
            assertFalse(r.reason(), r.reason().contains("Exception"));
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    public void theProxyIsNamedWhenOneAppliesWithoutItsPassword() {
        Endpoint real = Endpoint.parse("cdn.aliyuncs.com");
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://ci:pr0xy-pw@proxy.example:3128/",
                "HTTP_PROXY", "http://plain.example:8080");
        assertEquals(" through the proxy proxy.example:3128 (from HTTPS_PROXY)",
                CdnClient.viaProxy(real, env::get, CdnClient.noProxyWithLoopback(null)));
        // NO_PROXY names the host exactly: no proxy (the SDK's HttpUtil.needProxy)
        assertEquals("", CdnClient.viaProxy(real, env::get, CdnClient.noProxyWithLoopback("cdn.aliyuncs.com")));
        // the emulator on loopback never goes through a proxy
        assertEquals("", CdnClient.viaProxy(Endpoint.parse("127.0.0.1:8080"), env::get, CdnClient.noProxyWithLoopback(null)));
        assertEquals(" through the proxy plain.example:8080 (from HTTP_PROXY)",
                CdnClient.viaProxy(new Endpoint("10.0.0.1", 80, false), env::get, CdnClient.noProxyWithLoopback(null)));
        assertEquals("", CdnClient.viaProxy(real, name -> null, CdnClient.noProxyWithLoopback(null)));
    }
}

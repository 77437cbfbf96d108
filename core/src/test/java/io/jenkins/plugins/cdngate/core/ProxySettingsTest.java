package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.EmulatorTls;
import io.jenkins.plugins.cdngate.emulator.RecordingProxy;
import io.jenkins.plugins.cdngate.emulator.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link ProxySettings}: the CDN and the STS calls go through the proxy set in {@link ConnectionSettings}. A recording
 * proxy on loopback tunnels cdn.aliyuncs.com:443 and sts.aliyuncs.com:443 to the emulator's HTTPS port, so the calls
 * are the real ones (HTTPS, real host names) and nothing leaves loopback. Each case runs in a fresh JVM, because the SDK
 * keeps the proxy of the first client built in a JVM.
 */
public class ProxySettingsTest {
    static final String ROLE = "acs:ram::1234567890123456:role/deploy";

    @ClassRule
    public static TemporaryFolder temp = new TemporaryFolder();

    static CdnEmulator emulator;
    static EmulatorTls tls;
    static int tlsPort;

    @BeforeClass
    public static void start() throws Exception {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        tls = EmulatorTls.create(temp.newFolder("tls").toPath());
        tlsPort = emulator.startTls(tls.keyStore(), tls.password().toCharArray());
        emulator.addAccount(Account.create("LTAI-proxy-0801", "proxy-secret-0801"));
        Account owner = emulator.addAccount(Account.create("LTAI-owner-0802", "owner-secret-0802").activated(true)
                .chargeType("PayByTraffic").openingTime("2024-02-28T13:11:49Z"));
        emulator.addRole(owner, Role.create(ROLE).trust("LTAI-proxy-0801"));
    }

    @AfterClass
    public static void stop() {
        emulator.close();
    }

    private static String probe(RecordingProxy proxy, String user, String password) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(tls.trustOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ProxyProbe.class.getName(),
                Integer.toString(proxy.port()), user, password, "LTAI-proxy-0801", "proxy-secret-0801", ROLE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("HTTPS_PROXY");
        builder.environment().remove("HTTP_PROXY");
        builder.environment().remove("http_proxy");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(out, p.waitFor(120, TimeUnit.SECONDS));
        return out;
    }

    @Test
    public void cdnAndStsCallsGoThroughTheProxy() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start().route("cdn.aliyuncs.com", "127.0.0.1:" + tlsPort)
                .route("sts.aliyuncs.com", "127.0.0.1:" + tlsPort)) {
            String out = probe(proxy, "-", "-");

            assertTrue(out, out.contains("STS OK STS.****"));
            assertTrue(out, out.contains("CDN PASS"));
            List<String> targets = proxy.forwarded().stream().map(f -> f.method() + " " + f.target() + " " + f.status()).toList();
            assertTrue(targets.toString(), targets.contains("CONNECT sts.aliyuncs.com:443 200"));
            assertTrue(targets.toString(), targets.contains("CONNECT cdn.aliyuncs.com:443 200"));
        }
    }

    @Test
    public void proxySettingsRefuseWhatCannotWork() {
        String[][] bad = {{"", "80", "proxy host is empty"}, {"http://p", "80", "is not a host name"},
                {"p", "0", "out of range"}};
        for (String[] b : bad) {
            try {
                new ProxySettings(b[0], Integer.parseInt(b[1]));
                throw new AssertionError("accepted " + b[0]);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(b[2]));
            }
        }
        ProxySettings withPassword = new ProxySettings("p", 3128, "u", "pa-ss", List.of());
        assertEquals("ProxySettings[http://p:3128, user u, password ****]", withPassword.toString());
    }

    @Test
    public void theProfileCarriesTheProxyAndItsNoProxyHostsAndKeepsLoopbackDirect() {
        com.aliyuncs.http.HttpClientConfig config = SdkProfiles.profile(ConnectionSettings.defaults()
                .withProxy(new ProxySettings("proxy.corp", 3128, null, null, List.of("cdn.internal.corp")))).getHttpClientConfig();

        assertEquals("http://proxy.corp:3128", config.getHttpsProxy());
        assertEquals("http://proxy.corp:3128", config.getHttpProxy());
        List<String> noProxy = List.of(config.getNoProxy().split(","));
        assertTrue(noProxy.toString(), noProxy.containsAll(List.of("127.0.0.1", "localhost", "cdn.internal.corp")));
    }

    /**
     * The SDK sends proxy credentials only inside the request (for HTTPS: inside the tunnel, to Alibaba Cloud), never on
     * the CONNECT: a gate with proxy credentials is refused in one line before any call, and the password is not shown.
     */
    @Test
    public void proxyCredentialsAreRefusedBeforeAnyCall() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start().route("cdn.aliyuncs.com", "127.0.0.1:" + tlsPort)) {
            ConnectionSettings connection = ConnectionSettings.defaults().withEndpoint("cdn.aliyuncs.com")
                    .withProxy(new ProxySettings("127.0.0.1", proxy.port(), "builder", "proxy-pass-1", List.of()));

            Report report = EnsureActive.run(EnsureActiveRequest.of(AccessKey.of("LTAI-proxy-0801", "proxy-secret-0801"),
                    connection));

            assertEquals(Verdict.FAIL, report.verdict());
            assertTrue(report.reason(), report.reason().contains("cannot authenticate to a proxy for HTTPS calls"));
            assertTrue(report.reason(), !report.reason().contains("proxy-pass-1"));
            assertEquals(List.of(), proxy.forwarded());
        }
    }
}

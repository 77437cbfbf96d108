package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import io.jenkins.plugins.cdngate.core.credentials.RoleAssumer;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;
import java.time.Duration;
import java.util.List;

/**
 * Run in a fresh JVM by {@link ProxySettingsTest} (the SDK's HTTP client is one per JVM and keeps the first client's
 * proxy): assumes a role at sts.aliyuncs.com and runs ensure-active at cdn.aliyuncs.com, both over HTTPS through the
 * proxy given, printing one line per step. Arguments: proxyPort user|- password|- baseId baseSecret roleArn.
 */
public final class ProxyProbe {
    public static void main(String[] args) throws Exception {
        ProxySettings proxy = new ProxySettings("127.0.0.1", Integer.parseInt(args[0]), dash(args[1]), dash(args[2]),
                List.of());
        ConnectionSettings connection = ConnectionSettings.defaults().withEndpoint("cdn.aliyuncs.com")
                .withStsEndpoint("sts.aliyuncs.com").withProxy(proxy)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withRetries(1, Duration.ofSeconds(30));
        AccessKey key;
        try {
            key = RoleAssumer.assume(AccessKey.of(args[3], args[4]).withSource("probe"), RoleSpec.of(args[5]), connection);
            System.out.println("STS OK " + key.maskedId());
        } catch (CredentialException e) {
            System.out.println("STS FAIL " + e.code() + " " + e.getMessage());
            return;
        }
        Report report = EnsureActive.run(EnsureActiveRequest.of(key, connection));
        System.out.println("CDN " + report.verdict() + " " + report.reason());
    }

    private static String dash(String s) {
        return "-".equals(s) ? null : s;
    }
}

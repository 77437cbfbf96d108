package io.jenkins.plugins.cdngate.jenkins;

import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy Configuration) as core's {@link ProxySettings}, so
 * the CDN and STS calls of every gate and of the {@code withCredentials} binding go where the rest of Jenkins
 * goes. Read at each gate; what the SDK's one-client-per-JVM does with a changed proxy, and why core refuses proxy
 * credentials, is core's ({@link ProxySettings}). Nothing here decides either: the settings are passed on whole.
 */
final class JenkinsProxy {
    private JenkinsProxy() {
    }

    /** Where a person fixes the proxy, for messages. */
    static final String PAGE = "Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy Configuration)";

    /**
     * The configured proxy, or null when Jenkins has none (no host).
     *
     * @throws IllegalArgumentException one line naming the proxy page and what core refused (never the password)
     */
    static ProxySettings settings() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.name) == null) {
            return null;
        }
        try {
            return new ProxySettings(proxy.name.trim(), proxy.port, Util.fixEmptyAndTrim(proxy.getUserName()),
                    Util.fixEmpty(Secret.toString(proxy.getSecretPassword())), noProxyHosts(proxy.getNoProxyHost()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PAGE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Jenkins' "No Proxy Host" field, split as Jenkins splits it (ProxyConfiguration.getNoProxyHostPatterns,
     * jenkins-2.541.3: blanks, commas and vertical bars between entries). The entries are passed on as written and
     * core matches them against the host it calls: exact names, and {@code .suffix} or {@code *.suffix} for a
     * domain; other wildcard forms Jenkins accepts (such as {@code 10.*}) match nothing there.
     */
    static List<String> noProxyHosts(String field) {
        List<String> hosts = new ArrayList<>();
        if (field == null) {
            return hosts;
        }
        for (String entry : field.split("[ \t\n,|]+")) {
            if (!entry.isEmpty()) {
                hosts.add(entry);
            }
        }
        return hosts;
    }
}

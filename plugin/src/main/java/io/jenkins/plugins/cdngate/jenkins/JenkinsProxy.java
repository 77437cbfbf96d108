package io.jenkins.plugins.cdngate.jenkins;

import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.ProxySettings;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy Configuration) as core's {@link ProxySettings}, so
 * the CDN and STS calls of every gate and of the {@code withCredentials} binding go where the rest of Jenkins
 * goes. Read at each call: a change on that page applies to the next gate without a restart.
 */
final class JenkinsProxy {
    private JenkinsProxy() {
    }

    /** The configured proxy, or null when Jenkins has none (no host). */
    static ProxySettings settings() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        ProxyConfiguration proxy = jenkins == null ? null : jenkins.getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.name) == null) {
            return null;
        }
        return new ProxySettings(proxy.name.trim(), proxy.port, Util.fixEmptyAndTrim(proxy.getUserName()),
                Util.fixEmpty(Secret.toString(proxy.getSecretPassword())), noProxyHosts(proxy.getNoProxyHost()));
    }

    /**
     * Jenkins' "No Proxy Host" field, split as Jenkins splits it (ProxyConfiguration.getNoProxyHostPatterns,
     * jenkins-2.541.3: blanks, commas and vertical bars between entries; {@code *} as a wildcard). The entries
     * are passed on as written; core matches them against the host it calls.
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

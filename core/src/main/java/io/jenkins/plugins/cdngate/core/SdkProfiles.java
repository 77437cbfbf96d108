package io.jenkins.plugins.cdngate.core;

import com.aliyuncs.profile.DefaultProfile;
import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The SDK profile every CDN and STS client of the gates is built with, so both calls leave the JVM the same way.
 *
 * <p>Loopback names (the emulator) are never proxied. The SDK matches NO_PROXY hosts by exact string and, when a
 * client-side list is set, ignores the environment's (HttpUtil.needProxy, reference 2.2), so the environment's list is
 * kept and the loopback names added. With {@link ProxySettings} the proxy is set on the profile's HttpClientConfig
 * (https and http) and its no-proxy hosts are added. The SDK's Apache client is one per JVM and keeps the first
 * client's configuration (reference 2.3): this holds for every JVM where a gate builds the first SDK client, which the
 * CLI always does; see {@link ProxySettings} for Jenkins.
 */
public final class SdkProfiles {
    /** The SDK signs a RegionId when the profile has one; CDN and STS's central endpoint ignore it. */
    static final String REGION = "cn-hangzhou";

    private SdkProfiles() {
    }

    /** @throws IllegalArgumentException one line, when the proxy cannot be used */
    public static DefaultProfile profile(ConnectionSettings settings) {
        DefaultProfile profile = DefaultProfile.getProfile(REGION);
        ProxySettings proxy = settings == null ? null : settings.proxy();
        LinkedHashSet<String> noProxy = new LinkedHashSet<>(List.of(
                CdnClient.noProxyWithLoopback(System.getenv("NO_PROXY")).split(",")));
        if (proxy != null) {
            String url = proxyUrl(proxy);
            profile.getHttpClientConfig().setHttpsProxy(url);
            profile.getHttpClientConfig().setHttpProxy(url);
            noProxy.addAll(proxy.noProxyHosts());
        }
        profile.getHttpClientConfig().setNoProxy(String.join(",", noProxy));
        return profile;
    }

    /**
     * The proxy as the SDK wants it ({@code http://user:password@host:port}). The SDK sends the user information
     * base64-encoded as it stands, without decoding, so a user or password with a character that must be escaped in a
     * URL cannot be passed at all: refused in one line instead of sending a wrong (or partial) password.
     */
    static String proxyUrl(ProxySettings proxy) {
        StringBuilder url = new StringBuilder("http://");
        if (proxy.user() != null) {
            if (!plain(proxy.user()) || proxy.password() != null && !plain(proxy.password())) {
                throw new IllegalArgumentException("proxy " + proxy.display() + ": the Alibaba Cloud SDK cannot send a proxy"
                        + " user name or password containing : @ / ? # % or spaces; use a proxy account without them");
            }
            url.append(proxy.user());
            if (proxy.password() != null) {
                url.append(':').append(proxy.password());
            }
            url.append('@');
        }
        return url.append(proxy.host()).append(':').append(proxy.port()).toString();
    }

    private static boolean plain(String s) {
        return s.chars().noneMatch(c -> c == ':' || c == '@' || c == '/' || c == '?' || c == '#' || c == '%'
                || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c));
    }
}

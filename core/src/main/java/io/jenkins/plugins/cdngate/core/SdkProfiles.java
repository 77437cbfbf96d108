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
     * The proxy as the SDK wants it ({@code http://host:port}).
     *
     * <p>A proxy user name and password are refused: aliyun-java-sdk-core 4.7.10 puts them in a Proxy-Authorization
     * header of the request itself (HttpUtil.getApacheProxy), and for an HTTPS endpoint that request travels inside the
     * CONNECT tunnel: the CONNECT goes out without credentials (an authenticating proxy answers 407, which
     * ProxySettingsTest observed against a recording proxy) and, through a proxy that lets it pass, the proxy password
     * would reach Alibaba Cloud's endpoint. Fail closed, in one line, before any call.
     */
    static String proxyUrl(ProxySettings proxy) {
        if (proxy.user() != null || proxy.password() != null) {
            throw new IllegalArgumentException("proxy " + proxy.display() + " has a user name and password, but the Alibaba"
                    + " Cloud SDK cannot authenticate to a proxy for HTTPS calls (it would send the password inside the"
                    + " tunnel to Alibaba Cloud): let the build agents use the proxy without authentication, or add"
                    + " the Alibaba Cloud endpoints to its no-proxy hosts");
        }
        return "http://" + proxy.host() + ":" + proxy.port();
    }
}

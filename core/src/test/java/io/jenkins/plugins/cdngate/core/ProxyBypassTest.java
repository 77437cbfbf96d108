package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ProxyBypassTest {

    @Test
    public void loopbackIsAddedAfterTheEnvironmentsNoProxyHosts() {
        assertEquals("cdn.aliyuncs.com,10.0.0.8,127.0.0.1,localhost,::1,[::1]",
                CdnClient.noProxyWithLoopback(" cdn.aliyuncs.com , 10.0.0.8,,"));
    }

    @Test
    public void withoutAnEnvironmentListOnlyLoopbackBypassesTheProxy() {
        assertEquals("127.0.0.1,localhost,::1,[::1]", CdnClient.noProxyWithLoopback(null));
    }

    @Test
    public void loopbackAlreadyListedIsNotRepeated() {
        assertEquals("127.0.0.1,localhost,::1,[::1]", CdnClient.noProxyWithLoopback("127.0.0.1"));
    }

    @Test
    public void everyProfileTheGateBuildsCarriesTheLoopbackBypass() {
        String noProxy = CdnClient.profile().getHttpClientConfig().getNoProxy();

        assertEquals(true, ("," + noProxy + ",").contains(",127.0.0.1,"));
    }
}

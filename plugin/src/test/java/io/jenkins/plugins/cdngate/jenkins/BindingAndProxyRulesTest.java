package io.jenkins.plugins.cdngate.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;

/** The binding's variable-name rule and the split of Jenkins' "No Proxy Host" field (no Jenkins needed). */
public class BindingAndProxyRulesTest {
    @Test
    public void noProxyHostIsSplitAsJenkinsSplitsIt() {
        assertEquals(List.of("*.internal", "cdn-vpc.example", "sts.example", "localhost", "10.*"),
                JenkinsProxy.noProxyHosts(" *.internal, cdn-vpc.example|sts.example\n\tlocalhost  10.*,"));
        assertEquals(List.of(), JenkinsProxy.noProxyHosts(null));
        assertEquals(List.of(), JenkinsProxy.noProxyHosts(" , | "));
    }

    @Test
    public void variableNamesMustBeShellNamesAndDifferent() {
        assertNull(AlibabaCloudAccessKeyBinding.namesProblem("AK", "SK", "TOKEN"));
        assertNull(AlibabaCloudAccessKeyBinding.namesProblem("_a1", "b_2", "C"));
        assertEquals("'MY-KEY' is not a variable name: use letters, digits and _, not starting with a digit",
                AlibabaCloudAccessKeyBinding.namesProblem("MY-KEY", "SK", "TOKEN"));
        assertEquals("'1AK' is not a variable name: use letters, digits and _, not starting with a digit",
                AlibabaCloudAccessKeyBinding.namesProblem("AK", "SK", "1AK"));
        assertEquals("the AccessKey ID, secret and security token need three different variable names",
                AlibabaCloudAccessKeyBinding.namesProblem("AK", "AK", "TOKEN"));
    }

    @Test
    public void theDefaultNamesAreWhatAlibabaCloudsToolsRead() {
        AlibabaCloudAccessKeyBinding b = new AlibabaCloudAccessKeyBinding("id");
        assertEquals("ALIBABA_CLOUD_ACCESS_KEY_ID", b.getAccessKeyIdVariable());
        assertEquals("ALIBABA_CLOUD_ACCESS_KEY_SECRET", b.getAccessKeySecretVariable());
        assertEquals("ALIBABA_CLOUD_SECURITY_TOKEN", b.getSecurityTokenVariable());
        b.setAccessKeyIdVariable(" AK ");
        b.setAccessKeySecretVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        assertEquals("AK", b.getAccessKeyIdVariable());
        assertEquals("ALIBABA_CLOUD_ACCESS_KEY_SECRET", b.getAccessKeySecretVariable());
    }
}

package io.jenkins.plugins.cdngate.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Every form check of the plugin's descriptors, the new role-ARN and variable-name checks included, accepts only
 * POST (jenkins.io form-validation guide: a GET check is reachable by CSRF); their permission checks are in
 * GateForms and tested with JenkinsRule.
 */
public class WebMethodsArePostTest {
    @Test
    public void everyDoCheckIsPostOnly() {
        List<String> notPost = new ArrayList<>();
        Class<?>[] descriptors = {
            AlibabaCloudAccessKeyCredentialsImpl.DescriptorImpl.class, AlibabaCloudAccessKeyBinding.DescriptorImpl.class,
            CdnGateConfiguration.class, EnsureActiveStep.DescriptorImpl.class, EnsureActiveBuilder.DescriptorImpl.class,
            RequireQuotaStep.DescriptorImpl.class, RequireQuotaBuilder.DescriptorImpl.class,
        };
        List<String> names = new ArrayList<>();
        for (Class<?> d : descriptors) {
            for (Method m : d.getDeclaredMethods()) {
                if (m.getName().startsWith("doCheck")) {
                    names.add(d.getSimpleName() + "." + m.getName());
                    if (!m.isAnnotationPresent(POST.class)) {
                        notPost.add(d.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertEquals("doCheck methods without @POST", List.of(), notPost);
        assertTrue(names.toString(), names.containsAll(List.of("DescriptorImpl.doCheckRoleArn",
                "DescriptorImpl.doCheckAccessKeyIdVariable", "CdnGateConfiguration.doCheckStsEndpoint",
                "DescriptorImpl.doCheckMinDaysLeft")));
    }
}

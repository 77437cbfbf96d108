package io.jenkins.plugins.cdngate.jenkins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What the forms say before a build runs, as a real Jenkins showed them: the rules the build enforces between two
 * fields are on the form too, and a message under a field does not name the field in Pipeline terms.
 */
public class CdnGateFormChecksTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    private FreeStyleProject job;
    private RequireQuotaBuilder.DescriptorImpl builder;
    private RequireQuotaStep.DescriptorImpl step;

    @Before
    public void job() throws Exception {
        job = r.createFreeStyleProject("deploy");
        builder = r.jenkins.getDescriptorByType(RequireQuotaBuilder.DescriptorImpl.class);
        step = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);
    }

    @Test
    public void aWarningLevelBelowTheMinimumIsRefusedOnTheFormAsTheBuildWouldRefuseIt() {
        for (FormValidation v : new FormValidation[] {builder.doCheckWarnBytes(job, "100GiB", "500GiB"),
                step.doCheckWarnBytes(null, "100GiB", "500GiB")}) {
            assertEquals(FormValidation.Kind.ERROR, v.kind);
            assertEquals("The warning level (100.0 GiB (107374182400 bytes)) must be at least the minimum (500.0 GiB"
                    + " (536870912000 bytes))", v.getMessage());
        }
        assertEquals(FormValidation.Kind.OK, builder.doCheckWarnBytes(job, "600GiB", "500GiB").kind);
        assertEquals("= 600.0 GiB", builder.doCheckWarnBytes(job, "600GiB", "500GiB").getMessage());
        // an expression or an unreadable minimum: only the field's own check (the minimum's check names its problem)
        assertEquals(FormValidation.Kind.OK, builder.doCheckWarnBytes(job, "100GiB", "${MIN}").kind);
        assertEquals(FormValidation.Kind.OK, builder.doCheckWarnBytes(job, "100GiB", "5XB").kind);
        assertEquals(FormValidation.Kind.ERROR, builder.doCheckWarnBytes(job, "-5", "500GiB").kind);
    }

    @Test
    public void aDaysLeftWarningBelowTheMinimumIsRefusedOnTheForm() {
        FormValidation v = builder.doCheckWarnDaysLeft(job, "5", "10");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertEquals("The warning level (5) must be at least the minimum (10) days", v.getMessage());
        assertEquals(FormValidation.Kind.ERROR, step.doCheckWarnDaysLeft(null, "5", "10").kind);
        assertEquals(FormValidation.Kind.OK, builder.doCheckWarnDaysLeft(job, "10", "10").kind);
        assertEquals(FormValidation.Kind.OK, builder.doCheckWarnDaysLeft(job, "5", "").kind);
        assertEquals(FormValidation.Kind.ERROR, builder.doCheckWarnDaysLeft(job, "-1", "").kind);
    }

    @Test
    public void aCountMessageDoesNotNameTheFieldItIsShownUnder() {
        FormValidation v = builder.doCheckMinRequests(job, "1,000");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertFalse(v.getMessage(), v.getMessage().contains("minRequests"));
        assertTrue(v.getMessage(), v.getMessage().contains("thousands separator"));
        assertEquals("= 1,000,000", builder.doCheckMinRequests(job, "1000000").getMessage());
    }

    @Test
    public void theBindingSaysOnTheFormWhenTwoValuesWouldShareOneVariable() {
        AlibabaCloudAccessKeyBinding.DescriptorImpl binding =
                r.jenkins.getDescriptorByType(AlibabaCloudAccessKeyBinding.DescriptorImpl.class);
        FormValidation sameSecret = binding.doCheckAccessKeySecretVariable(job, "SAME", "SAME");
        assertEquals(FormValidation.Kind.ERROR, sameSecret.kind);
        assertTrue(sameSecret.getMessage(), sameSecret.getMessage().startsWith("The same variable as the AccessKey ID"));
        // a blank field is its default name
        assertEquals(FormValidation.Kind.ERROR, binding.doCheckSecurityTokenVariable(job, "",
                "ID", "ALIBABA_CLOUD_SECURITY_TOKEN").kind);
        assertEquals(FormValidation.Kind.ERROR, binding.doCheckSecurityTokenVariable(job, "ALIBABA_CLOUD_ACCESS_KEY_ID",
                "", "").kind);
        assertEquals(FormValidation.Kind.OK, binding.doCheckSecurityTokenVariable(job, "TOKEN", "ID", "SECRET").kind);
        assertEquals(FormValidation.Kind.OK, binding.doCheckAccessKeySecretVariable(job, "", "").kind);
        assertEquals(FormValidation.Kind.ERROR, binding.doCheckAccessKeySecretVariable(job, "1BAD", "ID").kind);
    }

    @Test
    public void anIdOfNeitherDocumentedShapeIsAWarningThatNeverEchoesIt() {
        AlibabaCloudAccessKeyCredentialsImpl.DescriptorImpl credential =
                r.jenkins.getDescriptorByType(AlibabaCloudAccessKeyCredentialsImpl.DescriptorImpl.class);
        FormValidation v = credential.doCheckAccessKeyId(null, "my secret with spaces");
        assertEquals(FormValidation.Kind.WARNING, v.kind);
        assertFalse(v.getMessage(), v.getMessage().contains("my secret"));
        assertEquals(FormValidation.Kind.OK, credential.doCheckAccessKeyId(null, "LTAI5tFAKEnotRealKeyOpQr").kind);
        assertEquals(FormValidation.Kind.OK, credential.doCheckAccessKeyId(null, "STS.FAKEtemporaryIdForTests01").kind);
        assertEquals(FormValidation.Kind.OK, credential.doCheckAccessKeyId(null, "").kind);
    }

    @Test
    public void aRateMessageGivesItsOwnDefault() {
        assertEquals("Enter calls per second above 0 (the default is 30.0)",
                CdnGateConfiguration.get().doCheckDescribePerSecond("0").getMessage());
        assertEquals("Enter calls per second above 0 (the default is 5.0)",
                CdnGateConfiguration.get().doCheckOpenPerSecond("x").getMessage());
    }
}

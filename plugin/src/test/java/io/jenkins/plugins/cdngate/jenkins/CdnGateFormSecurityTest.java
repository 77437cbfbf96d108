package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.USERNAME_PASSWORD_CREDENTIALS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The credentials drop-down and its check reveal credential IDs only to users who may use them
 * (credentials consumer guide; CVE-2022-20620 is this mistake in another plugin).
 */
public class CdnGateFormSecurityTest {
    @Rule
    public JenkinsRule r = new JenkinsRule();

    private FreeStyleProject job;
    private EnsureActiveStep.DescriptorImpl step;

    @Before
    public void readersAndCredentials() throws Exception {
        GateFixture.addBothCredentialTypes();
        job = r.createFreeStyleProject("deploy");
        // everyone may read Jenkins and the job, nothing more
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().toEveryone());
        step = r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class);
    }

    private static List<String> values(ListBoxModel model) {
        List<String> values = new ArrayList<>();
        for (ListBoxModel.Option o : model) {
            values.add(o.value);
        }
        return values;
    }

    @Test
    public void readerWithoutPermissionSeesNoCredentialIdsOnTheJob() {
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            List<String> listed = values(step.doFillCredentialsIdItems(job, ""));
            assertFalse(listed.toString(), listed.contains(ACCESS_KEY_CREDENTIALS));
            assertFalse(listed.toString(), listed.contains(USERNAME_PASSWORD_CREDENTIALS));
        }
    }

    @Test
    public void readerWithoutAdministerSeesNoCredentialIdsGlobally() {
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            List<String> listed = values(CdnGateConfiguration.get().doFillCredentialsIdItems(""));
            assertFalse(listed.toString(), listed.contains(ACCESS_KEY_CREDENTIALS));
        }
    }

    @Test
    public void userWhoMayReadTheJobConfigurationSeesBothAcceptedTypes() {
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ).everywhere().toEveryone());
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            List<String> listed = values(step.doFillCredentialsIdItems(job, ""));
            assertTrue(listed.toString(), listed.contains(ACCESS_KEY_CREDENTIALS));
            assertTrue(listed.toString(), listed.contains(USERNAME_PASSWORD_CREDENTIALS));
        }
    }

    @Test
    public void accessKeyCredentialsAreListedWithTheIdMasked() {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            String shown = null;
            for (ListBoxModel.Option o : step.doFillCredentialsIdItems(job, "")) {
                if (o.value.equals(ACCESS_KEY_CREDENTIALS)) {
                    shown = o.name;
                }
            }
            assertEquals(GateFixture.MASKED_KEY_ID + " (CDN gate key)", shown);
        }
    }

    @Test
    public void credentialsCheckRevealsNothingWithoutPermission() {
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(job, "no-such-key").kind);
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals(FormValidation.Kind.ERROR, step.doCheckCredentialsId(job, "no-such-key").kind);
            assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(job, ACCESS_KEY_CREDENTIALS).kind);
        }
    }

    @Test
    public void endpointCheckAnswersOnlyThoseWhoMayConfigure() {
        // given readers only: the check answers a plain OK, whatever the value
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            assertEquals(FormValidation.Kind.OK, step.doCheckEndpoint(job, "ftp://x").kind);
            assertEquals(FormValidation.Kind.OK, CdnGateConfiguration.get().doCheckEndpoint("ftp://x").kind);
        }
        // given users who may configure the job: the job's forms check, the global one (administrators) still not
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().toEveryone());
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            assertEquals(FormValidation.Kind.ERROR, step.doCheckEndpoint(job, "ftp://x").kind);
            assertEquals(FormValidation.Kind.OK, CdnGateConfiguration.get().doCheckEndpoint("ftp://x").kind);
        }
        // and administrators get the global check too
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals(FormValidation.Kind.ERROR, CdnGateConfiguration.get().doCheckEndpoint("ftp://x").kind);
        }
    }
}

package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.USERNAME_PASSWORD_CREDENTIALS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
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
    public void userWhoMayOnlyUseTheJobsCredentialsSeesThemToo() {
        // given USE_ITEM without EXTENDED_READ: the consumer guide lists credentials for either permission
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, CredentialsProvider.USE_ITEM).everywhere().toEveryone());
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            List<String> listed = values(step.doFillCredentialsIdItems(job, ""));
            assertTrue(listed.toString(), listed.contains(ACCESS_KEY_CREDENTIALS));
            assertTrue(listed.toString(), listed.contains(USERNAME_PASSWORD_CREDENTIALS));
            assertEquals(FormValidation.Kind.ERROR, step.doCheckCredentialsId(job, "no-such-key").kind);
            // but not the global list, which stays for administrators
            List<String> global = values(CdnGateConfiguration.get().doFillCredentialsIdItems(""));
            assertFalse(global.toString(), global.contains(ACCESS_KEY_CREDENTIALS));
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

    @Test
    public void formChecksAnswerOnlyPostSoALinkOrImageCannotCallThem() throws Exception {
        // given a user who may configure the job, so the check has something to say
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().toEveryone());
        JenkinsRule.WebClient wc = r.createWebClient();
        URL check = new URL(r.getURL(), "job/deploy/descriptorByName/" + RequireQuotaStep.class.getName()
                + "/checkMinBytes?value=500GiB");

        // when the form's own request arrives (POST with a crumb): the check answers
        WebResponse post = wc.getPage(wc.addCrumb(new WebRequest(check, HttpMethod.POST))).getWebResponse();
        // when the same URL is fetched by GET (a link, an <img>, another site): Stapler's @POST skips the method
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        WebResponse get = wc.getPage(new WebRequest(check, HttpMethod.GET)).getWebResponse();

        assertEquals(200, post.getStatusCode());
        assertTrue(post.getContentAsString(), post.getContentAsString().contains("500.0 GiB"));
        // (@POST cancels the dispatch, so Stapler finds nothing else to serve: 404; @RequirePOST would say 405)
        assertTrue("GET answered " + get.getStatusCode(), get.getStatusCode() >= 400);
        assertFalse(get.getContentAsString(), get.getContentAsString().contains("500.0 GiB"));
    }

    @Test
    public void parseOnlyChecksAnswerOnlyThoseWhoMayConfigure() {
        RequireQuotaStep.DescriptorImpl quotaStep = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);
        RequireQuotaBuilder.DescriptorImpl quota = r.jenkins.getDescriptorByType(RequireQuotaBuilder.DescriptorImpl.class);
        CdnGateConfiguration global = CdnGateConfiguration.get();
        // given readers only: every check answers a plain OK, whatever the value
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            for (FormValidation v : List.of(quotaStep.doCheckMinBytes(job, "500 parsecs"),
                    quotaStep.doCheckWarnBytes(job, "x", "500GiB"), quotaStep.doCheckMinRequests(job, "1,000"),
                    quotaStep.doCheckWarnDaysLeft(job, "5", "10"),
                    quotaStep.doCheckPlanFilter(job, "("), quotaStep.doCheckExpiryWarningDays(job, "-1"),
                    quota.doCheckMinBytes(job, ""), global.doCheckConnectTimeoutSeconds("0"),
                    global.doCheckReadTimeoutSeconds("0"), global.doCheckMaxAttempts("0"),
                    global.doCheckDeadlineSeconds("0"), global.doCheckCacheTtlSeconds("-1"),
                    global.doCheckOpenPerSecond("0"), global.doCheckDescribePerSecond("0"))) {
                assertEquals(v.getMessage(), FormValidation.Kind.OK, v.kind);
            }
        }
        // given users who may configure the job: its checks answer, the global page's still not
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().toEveryone());
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            assertEquals(FormValidation.Kind.ERROR, quotaStep.doCheckMinBytes(job, "500 parsecs").kind);
            assertEquals(FormValidation.Kind.ERROR, quota.doCheckPlanFilter(job, "(").kind);
            assertEquals(FormValidation.Kind.ERROR, quota.doCheckExpiryWarningDays(job, "-1").kind);
            assertEquals(FormValidation.Kind.OK, global.doCheckConnectTimeoutSeconds("0").kind);
        }
        // and administrators get the global checks
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals(FormValidation.Kind.ERROR, global.doCheckConnectTimeoutSeconds("0").kind);
            assertEquals(FormValidation.Kind.ERROR, global.doCheckOpenPerSecond("0").kind);
        }
    }
}

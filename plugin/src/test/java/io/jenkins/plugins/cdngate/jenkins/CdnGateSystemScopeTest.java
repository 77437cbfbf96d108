package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Issue 8 item 8: without a job (global configuration, snippet generator) the credentials list is built in Jenkins'
 * own context, which sees System-scoped credentials; jobs never do (credentials plugin consumer guide), so those are
 * left out, and the check says why such an ID cannot be used.
 */
public class CdnGateSystemScopeTest {
    private static final String GLOBAL_ID = "cdn-global";
    private static final String SYSTEM_ID = "cdn-system";

    @Rule
    public JenkinsRule r = new JenkinsRule();

    private CdnEmulator emu;

    @Before
    public void oneGlobalAndOneSystemScopedCredential() throws Exception {
        emu = GateFixture.startEmulator();
        emu.addAccount(GateFixture.healthyAccount());
        SystemCredentialsProvider.getInstance().getCredentials().add(new AlibabaCloudAccessKeyCredentialsImpl(
                CredentialsScope.GLOBAL, GLOBAL_ID, "global key", KEY_ID, Secret.fromString(SECRET)));
        SystemCredentialsProvider.getInstance().getCredentials().add(new AlibabaCloudAccessKeyCredentialsImpl(
                CredentialsScope.SYSTEM, SYSTEM_ID, "system key", KEY_ID, Secret.fromString(SECRET)));
        SystemCredentialsProvider.getInstance().save();
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private static List<String> values(ListBoxModel model) {
        List<String> values = new ArrayList<>();
        for (ListBoxModel.Option o : model) {
            values.add(o.value);
        }
        return values;
    }

    @Test
    public void listsWithoutAJobLeaveOutSystemScopedCredentials() {
        List<List<String>> lists = List.of(
                values(CdnGateConfiguration.get().doFillCredentialsIdItems("")),
                values(r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class).doFillCredentialsIdItems(null, "")),
                values(r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class).doFillCredentialsIdItems(null, "")));
        for (List<String> listed : lists) {
            assertTrue(listed.toString(), listed.contains(GLOBAL_ID));
            assertFalse(listed.toString(), listed.contains(SYSTEM_ID));
        }
    }

    @Test
    public void theCheckSaysWhyASystemScopedIdCannotBeUsedByJobs() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("deploy");
        EnsureActiveStep.DescriptorImpl step = r.jenkins.getDescriptorByType(EnsureActiveStep.DescriptorImpl.class);
        List<FormValidation> checks = List.of(CdnGateConfiguration.get().doCheckCredentialsId(SYSTEM_ID),
                step.doCheckCredentialsId(null, SYSTEM_ID), step.doCheckCredentialsId(job, SYSTEM_ID));
        for (FormValidation check : checks) {
            assertEquals(check.getMessage(), FormValidation.Kind.ERROR, check.kind);
            assertTrue(check.getMessage(), check.getMessage().contains("scope System"));
            assertTrue(check.getMessage(), check.getMessage().contains("never jobs"));
        }
        assertEquals(FormValidation.Kind.OK, CdnGateConfiguration.get().doCheckCredentialsId(GLOBAL_ID).kind);
        assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(job, GLOBAL_ID).kind);
    }

    @Test
    public void aBuildCanUseTheGlobalScopedIdAndNeverTheSystemScopedOne() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "deploy-pipeline");
        job.setDefinition(new CpsFlowDefinition("cdnEnsureActive credentialsId: '" + GLOBAL_ID + "', endpoint: '"
                + emu.endpoint() + "'", true));
        r.buildAndAssertStatus(Result.SUCCESS, job);
        job.setDefinition(new CpsFlowDefinition("cdnEnsureActive credentialsId: '" + SYSTEM_ID + "', endpoint: '"
                + emu.endpoint() + "'", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("Credentials '" + SYSTEM_ID + "' not found", b);
    }
}

package io.jenkins.plugins.cdngate.jenkins;

import static io.jenkins.plugins.cdngate.jenkins.GateFixture.ACCESS_KEY_CREDENTIALS;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.GIB;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.KEY_ID;
import static io.jenkins.plugins.cdngate.jenkins.GateFixture.SECRET;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.ProxyConfiguration;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.credentials.ProxySettings;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Plan;
import io.jenkins.plugins.cdngate.emulator.Role;
import io.jenkins.plugins.cdngate.emulator.TemporaryCredential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Issue #10 in Jenkins: a RAM role on the credential or the step (STS AssumeRole against the emulator), the
 * controller's own identity (off by default), the withCredentials binding, and Jenkins' proxy settings.
 */
public class CdnGateCredentialsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule r = new JenkinsRule();

    static final String ROLE = "acs:ram::1234567890123456:role/cdn-deployer";
    static final String OWNER_KEY_ID = "LTAI-owner-0002";
    static final String ROLE_CREDENTIALS = "cdn-role";

    /** Per test (JUnit makes an instance per test), well within the emulator's timestamp tolerance. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private CdnEmulator emu;
    private int jobs;

    @Before
    public void startEmulator() throws Exception {
        // a fixed emulator clock, so the temporary credentials' expiry tells the duration that was asked for
        emu = CdnEmulator.start(EmulatorOptions.defaults().port(0).rateLimits(false)
                .clock(Clock.fixed(now, ZoneOffset.UTC)));
        emu.addAccount(GateFixture.healthyAccount());
        // the role's account holds 300 GiB, the base key's own account 500 GiB: the remaining bytes tell which
        // credentials the CDN calls were made with
        Account owner = Account.create(OWNER_KEY_ID, "owner-secret-0002").activated(true).chargeType("PayByTraffic")
                .openingTime("2024-02-28T13:11:49Z")
                .plan(Plan.dataTransfer("FP-0300", "Role account plan", 300 * GIB, 300 * GIB,
                        "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
        emu.addAccount(owner);
        emu.addRole(owner, Role.create(ROLE).trust(KEY_ID));
        GateFixture.addBothCredentialTypes();
        AlibabaCloudAccessKeyCredentialsImpl withRole = new AlibabaCloudAccessKeyCredentialsImpl(
                CredentialsScope.GLOBAL, ROLE_CREDENTIALS, "deployer role", KEY_ID, Secret.fromString(SECRET));
        withRole.setRoleArn(ROLE);
        withRole.setRoleSessionDurationSeconds(900);
        SystemCredentialsProvider.getInstance().getCredentials().add(withRole);
        SystemCredentialsProvider.getInstance().save();
        CdnGateConfiguration.get().setStsEndpoint(emu.endpoint());
    }

    @After
    public void stopEmulator() {
        emu.close();
    }

    private WorkflowRun run(Result expected, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "p" + ++jobs);
        job.setDefinition(new CpsFlowDefinition(script.replace("EMULATOR", emu.endpoint()), true));
        return r.buildAndAssertStatus(expected, job);
    }

    // ---------------------------------------------------------------- RAM role

    @Test
    public void aRoleOnTheCredentialIsAssumedAndTheGateCallsAsTheRole() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "def q = cdnRequireQuota minBytes: '100GiB', credentialsId: '"
                + ROLE_CREDENTIALS + "', endpoint: 'EMULATOR'\necho \"remaining=${q.remainingBytes}\"");

        r.assertLogContains("remaining=" + (300 * GIB), b);
        r.assertLogContains(ROLE, b);
        r.assertLogContains("STS.", b);
        r.assertLogNotContains(SECRET, b);
        assertEquals(1, emu.requestCount(CdnEmulator.ASSUME_ROLE));
        TemporaryCredential issued = emu.issuedCredentials().get(0);
        assertEquals("the credential's session duration was asked for", now.plusSeconds(900), issued.expiresAt());
        assertEquals("core's session name", "cdn-gate", issued.sessionName());
    }

    @Test
    public void aRoleOnTheStepIsAssumedWithThePlainCredential() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "def a = cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR', roleArn: '" + ROLE + "'\n"
                + "def q = cdnRequireQuota minBytes: '100GiB', credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR', roleArn: '" + ROLE + "'\necho \"remaining=${q.remainingBytes}\"");

        r.assertLogContains("remaining=" + (300 * GIB), b);
        assertEquals(2, emu.requestCount(CdnEmulator.ASSUME_ROLE));
    }

    @Test
    public void aRoleTheKeyMayNotAssumeFailsClosedInOneLineOnTheBuildPageToo() throws Exception {
        emu.addRole(emu.account(OWNER_KEY_ID), Role.create("acs:ram::1234567890123456:role/other"));
        WorkflowRun b = run(Result.FAILURE, "cdnRequireQuota minBytes: '1GiB', credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', endpoint: 'EMULATOR', roleArn: 'acs:ram::1234567890123456:role/other'");

        r.assertLogContains("[CDN Gate] ", b);
        r.assertLogContains("acs:ram::1234567890123456:role/other", b);
        r.assertLogNotContains("\tat ", b);
        r.assertLogNotContains(SECRET, b);
        assertEquals("no CDN call without the role's credentials", 0,
                emu.requestCount() - emu.requestCount(CdnEmulator.ASSUME_ROLE));
        assertEquals("FAIL", b.getAction(CdnGateRunAction.class).getCalls().get(0).getVerdict());
    }

    @Test
    public void aMalformedRoleArnFailsBeforeAnyCall() throws Exception {
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR', roleArn: 'arn:aws:iam::1:role/x'");
        r.assertLogContains("[CDN Gate] role ARN 'arn:aws:iam::1:role/x' is not of the form", b);
        assertEquals(0, emu.requestCount());
    }

    // ---------------------------------------------------------------- the controller's own identity

    @Test
    public void theControllersIdentityIsOffByDefault() throws Exception {
        assertEquals(false, CdnGateConfiguration.get().isUseControllerIdentity());
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive endpoint: 'EMULATOR'");
        r.assertLogContains("No credentialsId", b);
        r.assertLogContains("controller's own identity", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void whenAllowedAGateWithoutCredentialsUsesTheControllersDefaultChain() throws Exception {
        // the test JVM's environment holds the emulator account's key (plugin/pom.xml, surefire)
        CdnGateConfiguration.get().setUseControllerIdentity(true);
        WorkflowRun b = run(Result.SUCCESS, "def a = cdnEnsureActive endpoint: 'EMULATOR'\necho \"v=${a.verdict}\"");
        r.assertLogContains("v=PASS", b);
        r.assertLogContains("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID", b);
        r.assertLogNotContains(SECRET, b);
    }

    // ---------------------------------------------------------------- withCredentials

    @Test
    public void withCredentialsExportsTheKeyMasked() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "withCredentials([alibabaCloudAccessKey(credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "')]) {\n"
                + "  echo \"id=${env.ALIBABA_CLOUD_ACCESS_KEY_ID} secret=${env.ALIBABA_CLOUD_ACCESS_KEY_SECRET} "
                + "token=${env.ALIBABA_CLOUD_SECURITY_TOKEN}\"\n"
                + "  if (env.ALIBABA_CLOUD_ACCESS_KEY_SECRET == '" + SECRET + "') { echo 'the secret is there' }\n"
                + "}\n"
                + "echo \"after=${env.ALIBABA_CLOUD_ACCESS_KEY_ID}\"");

        r.assertLogContains("id=**** secret=**** token=null", b);
        r.assertLogContains("the secret is there", b);
        r.assertLogContains("after=null", b);
        r.assertLogNotContains(SECRET, b);
        r.assertLogNotContains(KEY_ID, b);
    }

    @Test
    public void withCredentialsTakesOtherVariableNames() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "withCredentials([alibabaCloudAccessKey(credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', accessKeyIdVariable: 'AK', accessKeySecretVariable: 'SK')]) {\n"
                + "  echo \"ak=${env.AK} sk=${env.SK} default=${env.ALIBABA_CLOUD_ACCESS_KEY_ID}\"\n"
                + "}");
        r.assertLogContains("ak=**** sk=**** default=null", b);
    }

    @Test
    public void withCredentialsWithARoleExportsTheTemporaryKeyAndToken() throws Exception {
        WorkflowRun b = run(Result.SUCCESS, "withCredentials([alibabaCloudAccessKey(credentialsId: '"
                + ROLE_CREDENTIALS + "')]) {\n"
                + "  echo \"temporary=${env.ALIBABA_CLOUD_ACCESS_KEY_ID.startsWith('STS.')} "
                + "token=${env.ALIBABA_CLOUD_SECURITY_TOKEN != null}\"\n"
                + "  echo \"masked=${env.ALIBABA_CLOUD_SECURITY_TOKEN}\"\n"
                + "}");
        r.assertLogContains("temporary=true token=true", b);
        r.assertLogContains("masked=****", b);
        r.assertLogNotContains(emu.issuedCredentials().get(0).securityToken(), b);
        r.assertLogNotContains(emu.issuedCredentials().get(0).accessKeySecret(), b);
        assertEquals(1, emu.requestCount(CdnEmulator.ASSUME_ROLE));
    }

    @Test
    public void withCredentialsRefusesAVariableNameAShellCannotHold() throws Exception {
        WorkflowRun b = run(Result.FAILURE, "withCredentials([alibabaCloudAccessKey(credentialsId: '"
                + ACCESS_KEY_CREDENTIALS + "', accessKeyIdVariable: 'MY-KEY')]) {\n  echo 'not reached'\n}");
        r.assertLogContains("'MY-KEY' is not a variable name", b);
        r.assertLogNotContains("not reached", b);
    }

    // ---------------------------------------------------------------- Jenkins' proxy

    @Test
    public void jenkinsProxyBecomesTheGatesProxySettings() throws Exception {
        assertNull("no proxy in Jenkins, none for the gates", CdnGateConfiguration.get().connection(null).proxy());

        r.jenkins.setProxy(new ProxyConfiguration("proxy.example", 3128, "deployer", "proxy-pass",
                "*.internal, cdn-vpc.example|sts.example\nlocalhost"));

        assertEquals(new ProxySettings("proxy.example", 3128, "deployer", "proxy-pass",
                        List.of("*.internal", "cdn-vpc.example", "sts.example", "localhost")),
                CdnGateConfiguration.get().connection(null).proxy());
    }

    @Test
    public void aProxyTheGatesCannotUseFailsInOneLineNamingThePage() throws Exception {
        r.jenkins.setProxy(new ProxyConfiguration("proxy.example", 3128, null, "proxy-pass", null));
        WorkflowRun b = run(Result.FAILURE, "cdnEnsureActive credentialsId: '" + ACCESS_KEY_CREDENTIALS
                + "', endpoint: 'EMULATOR'");
        r.assertLogContains("[CDN Gate] Jenkins' HTTP proxy (Manage Jenkins > System > HTTP Proxy Configuration): "
                + "proxy password is set without a proxy user name", b);
        r.assertLogNotContains("proxy-pass", b);
        assertEquals(0, emu.requestCount());
    }

    @Test
    public void theNewFormChecksAnswerOnlyThoseWhoMayConfigure() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("deploy");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().toEveryone());
        RequireQuotaStep.DescriptorImpl step = r.jenkins.getDescriptorByType(RequireQuotaStep.DescriptorImpl.class);
        AlibabaCloudAccessKeyCredentialsImpl.DescriptorImpl credential =
                r.jenkins.getDescriptorByType(AlibabaCloudAccessKeyCredentialsImpl.DescriptorImpl.class);
        AlibabaCloudAccessKeyBinding.DescriptorImpl binding =
                r.jenkins.getDescriptorByType(AlibabaCloudAccessKeyBinding.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(Jenkins.ANONYMOUS2)) {
            assertEquals(FormValidation.Kind.OK, step.doCheckRoleArn(job, "not-an-arn").kind);
            assertEquals(FormValidation.Kind.OK, credential.doCheckRoleArn(null, "not-an-arn").kind);
            assertEquals(FormValidation.Kind.OK, credential.doCheckRoleSessionDurationSeconds(null, "5").kind);
            assertEquals(FormValidation.Kind.OK, binding.doCheckAccessKeyIdVariable(job, "MY-KEY").kind);
        }
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals(FormValidation.Kind.ERROR, step.doCheckRoleArn(job, "not-an-arn").kind);
            assertEquals(FormValidation.Kind.OK, step.doCheckRoleArn(job, ROLE).kind);
            assertEquals(FormValidation.Kind.ERROR, credential.doCheckRoleArn(null, "not-an-arn").kind);
            assertEquals(FormValidation.Kind.ERROR, credential.doCheckRoleSessionDurationSeconds(null, "5").kind);
            assertEquals(FormValidation.Kind.OK, credential.doCheckRoleSessionDurationSeconds(null, "900").kind);
            assertEquals(FormValidation.Kind.ERROR, binding.doCheckAccessKeyIdVariable(job, "MY-KEY").kind);
            assertEquals(FormValidation.Kind.OK, binding.doCheckAccessKeyIdVariable(job, "MY_KEY").kind);
            assertEquals(FormValidation.Kind.ERROR, step.doCheckMinDaysLeft(job, "-1").kind);
        }
    }

    @Test
    public void theCredentialsNameShowsTheRoleNeverTheSecret() {
        AlibabaCloudAccessKeyCredentialsImpl c = new AlibabaCloudAccessKeyCredentialsImpl(CredentialsScope.GLOBAL,
                "x", "deploy", KEY_ID, Secret.fromString(SECRET));
        c.setRoleArn(ROLE);
        String name = new AlibabaCloudAccessKeyCredentials.NameProvider().getName(c);
        assertEquals(GateFixture.MASKED_KEY_ID + ", role " + ROLE + " (deploy)", name);
        assertTrue(!name.contains(SECRET));
    }
}

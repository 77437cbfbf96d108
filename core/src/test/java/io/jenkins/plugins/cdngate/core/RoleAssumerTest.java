package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.core.credentials.CredentialFailure;
import io.jenkins.plugins.cdngate.core.credentials.RoleAssumer;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.Role;
import io.jenkins.plugins.cdngate.emulator.TemporaryCredential;
import java.util.List;
import org.junit.Test;

/**
 * RAM role assumption end to end: the real SDK signs AssumeRole, the emulator's STS checks the signature, the role, who
 * may assume it, its external ID and duration, and issues temporary credentials the CDN operations then accept. Every
 * STS error is one line with the catalog's fix, and fails the gate closed.
 */
public class RoleAssumerTest extends EmulatorFixture {
    private static final String ARN = "acs:ram::1234567890123456:role/deploy";

    private Account owner;
    private Role role;

    private void setUpRole() {
        account();
        owner = emu.addAccount(Account.create("LTAI-owner-" + id, "owner-secret").activated(true));
        role = emu.addRole(owner, Role.create(ARN).trust(id));
    }

    private ConnectionSettings sts() {
        return connection().withStsEndpoint(emu.endpoint());
    }

    @Test
    public void assumedRoleKeyPassesTheGateOnTheRoleOwnersAccount() throws Exception {
        setUpRole();
        AccessKey base = key().withSource("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET");

        AccessKey temporary = RoleAssumer.assume(base, RoleSpec.of(ARN), sts());
        Report report = EnsureActive.run(EnsureActiveRequest.of(temporary, connection()));

        assertEquals(report.toString(), Verdict.PASS, report.verdict());
        assertTrue(temporary.id().startsWith("STS."));
        assertNotNull(temporary.securityToken());
        assertTrue(temporary.source(), temporary.source().startsWith("RAM role " + ARN + " (session cdn-gate) assumed with "
                + "environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET (" + base.maskedId() + ")"));
        assertEquals(temporary.source(), report.credentialSource());
        assertTrue(ReportText.lines(report).get(0), ReportText.lines(report).get(0).contains(" from RAM role " + ARN));
        // the owner's account was checked (already active: nothing opened), not the base key's (never activated)
        assertFalse(report.activated());
        assertFalse(emu.account(id).isActivated());
    }

    @Test
    public void temporaryCredentialsStopWorkingWhenTheyExpire() throws Exception {
        setUpRole();
        AccessKey temporary = RoleAssumer.assume(key(), RoleSpec.of(ARN), sts());
        emu.expireTemporaryCredentials();

        Report report = EnsureActive.run(EnsureActiveRequest.of(temporary, connection()));

        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals("InvalidSecurityToken.Expired", report.findings().get(0).errorCode());
    }

    @Test
    public void externalIdAndDurationAndSessionNameAreSent() throws Exception {
        setUpRole();
        role.externalId("ext-4711").maxSessionDuration(7200);

        RoleAssumer.assume(key(), new RoleSpec(ARN, "release-42", 7200, "ext-4711"), sts());

        TemporaryCredential t = emu.issuedCredentials().stream().filter(c -> "release-42".equals(c.sessionName()))
                .findFirst().orElseThrow();
        assertEquals(ARN, t.roleArn());
    }

    @Test
    public void callerNotTrustedByTheRoleIsNoPermission() {
        setUpRole();
        emu.addRole(owner, Role.create(ARN).trust("someone-else"));
        assertFails(key(), RoleSpec.of(ARN), "NoPermission", "sts:AssumeRole");
    }

    @Test
    public void callerWithoutStsPermissionIsNoPermission() {
        setUpRole();
        emu.account(id).deny("AssumeRole", "NoPermission");
        assertFails(key(), RoleSpec.of(ARN), "NoPermission", "AliyunSTSAssumeRoleAccess");
    }

    @Test
    public void wrongExternalIdIsNoPermission() {
        setUpRole();
        role.externalId("expected-id");
        assertFails(key(), new RoleSpec(ARN, null, null, "other-id"), "NoPermission", "--external-id");
    }

    @Test
    public void unknownRoleIsEntityNotExistRole() {
        setUpRole();
        assertFails(key(), RoleSpec.of("acs:ram::1234567890123456:role/missing"), "EntityNotExist.Role", "--role-arn");
    }

    @Test
    public void sessionNameStsRefusesIsInvalidParameterRoleSessionName() {
        setUpRole();
        role.sessionNameMaxLength(32);
        assertFails(key(), new RoleSpec(ARN, "a-session-name-longer-than-32-characters", null, null),
                "InvalidParameter.RoleSessionName", "--role-session-name");
    }

    @Test
    public void durationAboveTheRolesMaximumIsInvalidParameterDurationSeconds() {
        setUpRole();
        assertFails(key(), new RoleSpec(ARN, null, 7200, null), "InvalidParameter.DurationSeconds", "--role-duration");
    }

    @Test
    public void expiredBaseTokenIsInvalidSecurityTokenExpired() {
        setUpRole();
        emu.account(id).securityToken("base-token-1").securityTokenExpired(true);
        assertFails(AccessKey.of(id, secret, "base-token-1"), RoleSpec.of(ARN), "InvalidSecurityToken.Expired",
                "has expired");
    }

    @Test
    public void baseTokenOfAnotherKeyIsMismatch() {
        setUpRole();
        emu.account(id).securityToken("base-token-1");
        assertFails(AccessKey.of(id, secret, "base-token-2"), RoleSpec.of(ARN), "InvalidSecurityToken.MismatchWithAccessKey",
                "issued together");
    }

    @Test
    public void temporaryBaseKeyWithoutItsTokenIsMissingSecurityToken() throws Exception {
        setUpRole();
        AccessKey temporary = RoleAssumer.assume(key(), RoleSpec.of(ARN), sts());
        assertFails(AccessKey.of(temporary.id(), temporary.secret()), RoleSpec.of(ARN), "MissingSecurityToken",
                "security token");
    }

    @Test
    public void unknownBaseKeyIsInvalidAccessKeyIdNotFound() {
        setUpRole();
        assertFails(AccessKey.of("LTAI-nobody-0000", "x-secret"), RoleSpec.of(ARN), "InvalidAccessKeyId.NotFound",
                "does not exist");
    }

    @Test
    public void wrongBaseSecretIsSignatureDoesNotMatch() {
        setUpRole();
        assertFails(AccessKey.of(id, "wrong-secret"), RoleSpec.of(ARN), "SignatureDoesNotMatch", "secret");
    }

    @Test
    public void chainedRoleAssumptionWorksWhenTheSecondRoleTrustsTheFirst() throws Exception {
        setUpRole();
        String second = "acs:ram::1234567890123456:role/second";
        emu.addRole(owner, Role.create(second).trust(ARN));

        AccessKey first = RoleAssumer.assume(key(), RoleSpec.of(ARN), sts());
        AccessKey chained = RoleAssumer.assume(first, RoleSpec.of(second), sts());

        assertTrue(chained.source(), chained.source().startsWith("RAM role " + second + " (session cdn-gate) assumed with RAM role " + ARN));
    }

    @Test
    public void credentialFailureIsAFailReportAndWarnModeSoftensItLikeAnyConfigurationError() {
        setUpRole();
        CredentialException e = failure(key(), RoleSpec.of("acs:ram::1234567890123456:role/missing"));

        Report enforce = CredentialFailure.report("ensure-active", e, Mode.ENFORCE, key());
        Report warn = CredentialFailure.report("ensure-active", e, Mode.WARN, key());

        assertEquals(Verdict.FAIL, enforce.verdict());
        assertEquals("EntityNotExist.Role", enforce.findings().get(0).errorCode());
        assertNotNull(enforce.findings().get(0).requestId());
        assertTrue(enforce.reason(), enforce.reason().contains("EntityNotExist.Role"));
        assertEquals(Verdict.UNSTABLE, warn.verdict());
        List<String> lines = ReportText.lines(enforce);
        for (String line : lines) {
            assertFalse(line, line.contains(secret));
        }
    }

    @Test
    public void roleSpecRefusesBadValuesInOneLineBeforeAnyCall() {
        String[][] bad = {
                {"arn:aws:iam::123:role/x", null, null, null, "not of the form"},
                {ARN, "a", null, null, "role session name"},
                {ARN, null, "600", null, "900 to 43200"},
                {ARN, null, null, "x", "external ID is not usable (not shown)"},
        };
        for (String[] b : bad) {
            try {
                new RoleSpec(b[0], b[1], b[2] == null ? null : Integer.valueOf(b[2]), b[3]);
                fail("accepted " + String.join(",", java.util.Arrays.asList(b)));
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(b[4]));
                assertFalse(e.getMessage(), e.getMessage().contains("\n"));
            }
        }
    }

    private CredentialException failure(AccessKey base, RoleSpec spec) {
        try {
            RoleAssumer.assume(base, spec, sts());
        } catch (CredentialException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("assumed " + spec);
    }

    private void assertFails(AccessKey base, RoleSpec spec, String code, String advice) {
        CredentialException e = failure(base, spec);
        String entryAdvice = ErrorCatalog.resolveSts(code).advice();
        assertEquals(e.getMessage(), code, e.code());
        assertTrue(e.getMessage(), e.getMessage().contains(spec.roleArn()));
        assertTrue(e.getMessage(), e.getMessage().contains(entryAdvice));
        assertTrue(entryAdvice, entryAdvice.contains(advice));
        assertFalse(e.getMessage(), e.getMessage().contains("\n"));
        assertFalse(e.getMessage(), e.getMessage().contains(base.secret()));
        assertNotNull(e.requestId());
    }
}

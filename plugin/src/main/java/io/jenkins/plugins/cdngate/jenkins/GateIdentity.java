package io.jenkins.plugins.cdngate.jenkins;

import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.core.credentials.DefaultChain;
import io.jenkins.plugins.cdngate.core.credentials.RoleAssumer;
import io.jenkins.plugins.cdngate.core.credentials.RoleSpec;

/**
 * Who a gate calls Alibaba Cloud as: the step's credentials (else the global default), else - only when an
 * administrator allowed it - the controller's own identity; then, when a RAM role is named (on the step, else on
 * the credentials), the temporary credentials of that role. Every failure is one line, and nothing is called
 * with a credential that could not be verified (fail closed): a Jenkins credentials problem aborts the step as
 * before; an STS or credential-chain failure is {@link Failed}, which the gate turns into core's FAIL report
 * ({@code CredentialFailure}), so the console, the return map and the build page say it the same way.
 */
final class GateIdentity {
    /** An identity that could not be obtained from Alibaba Cloud (STS, the default chain). */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CredentialException error;
        private final transient AccessKey base;

        Failed(CredentialException error, AccessKey base) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.base = base;
        }

        CredentialException error() {
            return error;
        }

        /** The key the failed step started from (shown masked in the report), or null. */
        AccessKey base() {
            return base;
        }
    }

    private GateIdentity() {
    }

    /**
     * Parses a step's role ARN, so a typo fails before any credentials lookup; null when blank.
     *
     * @throws IllegalArgumentException core's one-line message
     */
    static String checkRoleArn(String roleArn) {
        String arn = Util.fixEmptyAndTrim(roleArn);
        if (arn != null) {
            RoleSpec.of(arn);
        }
        return arn;
    }

    static AccessKey resolve(CdnGateConfiguration config, String stepCredentialsId, String stepRoleArn,
                             ConnectionSettings connection, Run<?, ?> run)
            throws AbortException, Failed, InterruptedException {
        String id = config.credentialsIdOr(stepCredentialsId);
        String roleArn = Util.fixEmptyAndTrim(stepRoleArn);
        Integer duration = null;
        AccessKey base;
        if (id != null) {
            GateCredentials.Found found = GateCredentials.find(id, run);
            base = found.key();
            if (roleArn == null) {
                roleArn = found.roleArn();
            }
            duration = found.roleSessionDurationSeconds();
        } else if (config.controllerIdentityAllowed()) {
            base = controllerIdentity(connection);
        } else {
            throw new AbortException(GateBinding.PREFIX + "No credentialsId: set one on the step or a default in "
                    + "Manage Jenkins > System > Alibaba Cloud CDN Gate, where an administrator may instead let gates "
                    + "use the controller's own identity (" + GateCredentials.ACCEPTED + ")");
        }
        if (roleArn == null) {
            return base;
        }
        try {
            return assume(base, roleArn, duration, connection);
        } catch (CredentialException e) {
            throw new Failed(e, base);
        }
    }

    /**
     * The role's temporary credentials, assumed with {@code base}; STS errors are one line each (core's catalog).
     *
     * @throws AbortException       the role ARN or the duration stored on the credentials is not usable
     * @throws CredentialException  STS refused or could not be reached
     * @throws InterruptedException the build was aborted while STS was called
     */
    static AccessKey assume(AccessKey base, String roleArn, Integer durationSeconds, ConnectionSettings connection)
            throws AbortException, CredentialException, InterruptedException {
        RoleSpec role;
        try {
            role = new RoleSpec(roleArn, null, durationSeconds, null); // session name: core's default, cdn-gate
        } catch (IllegalArgumentException e) {
            throw new AbortException(GateBinding.PREFIX + e.getMessage());
        }
        return RoleAssumer.assume(base, role, connection);
    }

    /** Alibaba's default credential chain, as the controller process sees it (its environment, home, metadata). */
    private static AccessKey controllerIdentity(ConnectionSettings connection) throws Failed {
        try {
            return DefaultChain.resolve(connection);
        } catch (CredentialException e) {
            throw new Failed(e, null);
        }
    }
}

package io.jenkins.plugins.cdngate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.JobCredentialScopes;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds the AccessKey for a build, and backs the credentials drop-down and its check, exactly as the
 * credentials plugin's consumer guide (docs/consumer.adoc) says: item-scoped lookup, usage tracking,
 * and form methods that reveal nothing to users who may not use the item's credentials.
 */
public final class GateCredentials {
    /** The credential types the gates accept, as a user reads them in an error. */
    public static final String ACCEPTED =
            "accepted types: 'Alibaba Cloud AccessKey', or 'Username with password' (username = AccessKey ID, "
                    + "password = AccessKey secret)";

    private static final CredentialsMatcher ACCEPTED_TYPES = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(AlibabaCloudAccessKeyCredentials.class),
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));

    private GateCredentials() {
    }

    /**
     * The AccessKey of credentials {@code id}, as the build's job may use them, tracked on the run.
     *
     * @throws AbortException one line naming the id and the accepted types when the id is blank, unknown,
     *                        not visible to the job, of another type, or empty
     */
    public static AccessKey resolve(String id, Run<?, ?> run) throws AbortException {
        return find(id, run).key();
    }

    /**
     * What credentials {@code id} hold for a gate: the AccessKey (its source naming the credentials) and, for an
     * "Alibaba Cloud AccessKey" credential, the RAM role to assume with it (null when none).
     */
    record Found(AccessKey key, String roleArn, Integer roleSessionDurationSeconds) {
    }

    /** {@link #resolve}, with the role the credentials carry. Same lookup, tracking and errors. */
    static Found find(String id, Run<?, ?> run) throws AbortException {
        if (id == null || id.isBlank()) {
            throw new AbortException(GateBinding.PREFIX + "No credentialsId: set one on the step or a default in "
                    + "Manage Jenkins > System > Alibaba Cloud CDN Gate (" + ACCEPTED + ")");
        }
        // findCredentialById searches as the job's authentication and resolves ${PARAM} ids; it does not
        // track non-parameter lookups (its source says "TODO should this be calling track?"), so we do.
        IdCredentials found = CredentialsProvider.findCredentialById(id, IdCredentials.class, run);
        if (found == null) {
            throw new AbortException(GateBinding.PREFIX + "Credentials '" + id
                    + "' not found, or not usable by this job; " + ACCEPTED);
        }
        AccessKey key;
        String roleArn = null;
        Integer roleSessionDurationSeconds = null;
        try {
            if (found instanceof AlibabaCloudAccessKeyCredentials ak) {
                key = AccessKey.of(ak.getAccessKeyId(), Secret.toString(ak.getAccessKeySecret()));
                roleArn = Util.fixEmptyAndTrim(ak.getRoleArn());
                roleSessionDurationSeconds = ak.getRoleSessionDurationSeconds();
            } else if (found instanceof StandardUsernamePasswordCredentials up) {
                key = AccessKey.of(up.getUsername(), Secret.toString(up.getPassword()));
            } else {
                throw new AbortException(GateBinding.PREFIX + "Credentials '" + id + "' are of type '"
                        + found.getDescriptor().getDisplayName() + "'; " + ACCEPTED);
            }
        } catch (IllegalArgumentException e) {
            throw new AbortException(GateBinding.PREFIX + "Credentials '" + id + "': " + e.getMessage());
        }
        CredentialsProvider.track(run, found);
        return new Found(key.withSource("Jenkins credentials '" + id + "'"), roleArn, roleSessionDurationSeconds);
    }

    /**
     * Credentials a job's build can use: the accepted types, without the scopes core says jobs never see
     * ({@link JobCredentialScopes}: System). Without an item the list is built in the context of Jenkins itself
     * (ACL.SYSTEM2), which does see System-scoped credentials; every build would then fail "not found".
     */
    private static final CredentialsMatcher USABLE_BY_JOBS = CredentialsMatchers.allOf(ACCEPTED_TYPES,
            CredentialsMatchers.not(CredentialsMatchers.withScopes(scopesJobsCannotUse())));

    private static List<CredentialsScope> scopesJobsCannotUse() {
        List<CredentialsScope> scopes = new ArrayList<>();
        for (CredentialsScope scope : CredentialsScope.values()) {
            if (!JobCredentialScopes.usableByJobs(scope.name())) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    /**
     * Backs every {@code doFillCredentialsIdItems}; {@code item} is null on the global configuration page and in the
     * snippet generator without a job: then System-scoped credentials are left out, as no job could use them.
     */
    public static ListBoxModel fillCredentialsIdItems(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(credentialsId);
        if (!mayList(item)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(authentication(item), item, StandardCredentials.class, List.of(), USABLE_BY_JOBS)
                .includeCurrentValue(current);
    }

    /** Backs every {@code doCheckCredentialsId}; blank means "the global default". */
    public static FormValidation checkCredentialsId(Item item, String value) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok();
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning("Cannot check an expression; it is resolved when the build runs");
        }
        if (!CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, authentication(item), List.of(),
                CredentialsMatchers.allOf(CredentialsMatchers.withId(id), USABLE_BY_JOBS)).isEmpty()) {
            return FormValidation.ok();
        }
        // Not usable by jobs. A System-scoped credential with this ID is listed in Jenkins' own context only, and
        // only administrators may look there (item-less lists are theirs alone): say why it cannot be used.
        if (Jenkins.get().hasPermission(Jenkins.ADMINISTER) && !CredentialsProvider.listCredentialsInItem(
                StandardCredentials.class, null, ACL.SYSTEM2, List.of(), CredentialsMatchers.allOf(
                        CredentialsMatchers.withId(id), ACCEPTED_TYPES,
                        CredentialsMatchers.withScopes(scopesJobsCannotUse()))).isEmpty()) {
            return FormValidation.error(JobCredentialScopes.notUsableByJobs(id));
        }
        return FormValidation.error("No credentials '" + id + "' of an accepted type; " + ACCEPTED);
    }

    /**
     * Without an item only administrators may list credentials; with one, users who may see the item's
     * configuration or use its credentials (CONFIGURE implies EXTENDED_READ). Anyone else could otherwise
     * enumerate credential IDs (e.g. CVE-2022-20620).
     */
    private static boolean mayList(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** List what the job itself could use, as the consumer guide does. */
    private static org.springframework.security.core.Authentication authentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}

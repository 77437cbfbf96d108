package io.jenkins.plugins.cdngate.core;

import java.util.Locale;

/**
 * Which Jenkins credential scopes a job's build can use (issue 8 item 8), kept here so that the rule is tested
 * without Jenkins. The credentials plugin's consumer guide: credentials of scope System are visible only to Jenkins
 * itself (its root context, agents), never to a job; listed in a context without a job (the global configuration
 * page, the snippet generator without a job) they would look usable, and every build would then fail "not found".
 */
public final class JobCredentialScopes {
    private JobCredentialScopes() {
    }

    /** Whether credentials of this scope ({@code CredentialsScope.name()}: SYSTEM, GLOBAL, USER) are usable by a job. */
    public static boolean usableByJobs(String scopeName) {
        return scopeName == null || !scopeName.trim().toUpperCase(Locale.ROOT).equals("SYSTEM");
    }

    /** The form check's one line for a System-scoped credentials ID. */
    public static String notUsableByJobs(String id) {
        return Text.oneLine("Credentials '" + id + "' have scope System: only Jenkins itself can use them (agents,"
                + " e-mail), never jobs: every build would fail with \"not found\". Use credentials of scope Global"
                + " (or kept in a folder) for the gates.");
    }
}

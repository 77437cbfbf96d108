package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Issue 8 item 8: credentials of Jenkins scope System are never usable by a job's build. */
public class JobCredentialScopesTest {
    @Test
    public void systemScopedCredentialsAreNotUsableByJobs() {
        assertFalse(JobCredentialScopes.usableByJobs("SYSTEM"));
        assertTrue(JobCredentialScopes.usableByJobs("GLOBAL"));
        assertTrue(JobCredentialScopes.usableByJobs("USER"));
    }

    @Test
    public void theExplanationNamesTheIdTheScopeAndTheFixInOneLine() {
        String m = JobCredentialScopes.notUsableByJobs("cdn-key");
        assertTrue(m, m.contains("'cdn-key'"));
        assertTrue(m, m.contains("scope System"));
        assertTrue(m, m.contains("jobs"));
        assertTrue(m, m.contains("Global"));
        assertFalse(m, m.contains("\n"));
    }
}

package io.jenkins.plugins.cdngate.jenkins;

import static org.junit.Assert.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.Test;

/**
 * Freestyle fields expand build variables, except the credentials ID: findCredentialById resolves a
 * ${CREDENTIALS_PARAMETER} itself and checks the user who started the build may use what it names.
 */
public class GateBindingExpandTest {
    private static final UnaryOperator<String> EXPANDER = text -> text.replace("${CRED}", "someone-elses-key")
            .replace("${HOST}", "127.0.0.1:18080").replace("${ROLE}", "acs:ram::1234567890123456:role/deploy");

    @Test
    public void ensureActiveLeavesTheCredentialsIdForTheCredentialsPlugin() {
        GateBinding.EnsureActiveParameters p = new GateBinding.EnsureActiveParameters("${CRED}", "${HOST}", true,
                null, null, null, null, "${ROLE}").expand(EXPANDER);

        assertEquals("${CRED}", p.credentialsId());
        assertEquals("127.0.0.1:18080", p.endpoint());
        assertEquals("a freestyle role ARN may come from a build parameter", "acs:ram::1234567890123456:role/deploy",
                p.roleArn());
    }

    @Test
    public void requireQuotaLeavesTheCredentialsIdForTheCredentialsPlugin() {
        GateBinding.RequireQuotaParameters p = new GateBinding.RequireQuotaParameters("${CRED}", "${HOST}", "1GiB",
                null, null, null, null, null, "${ROLE}").expand(EXPANDER);

        assertEquals("${CRED}", p.credentialsId());
        assertEquals("127.0.0.1:18080", p.endpoint());
        assertEquals("acs:ram::1234567890123456:role/deploy", p.roleArn());
    }
}

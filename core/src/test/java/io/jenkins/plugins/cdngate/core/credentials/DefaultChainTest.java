package io.jenkins.plugins.cdngate.core.credentials;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/**
 * The chain's own rules, in this JVM (user.home is target/test-home with no files, ECS metadata is off): the
 * environment source, where a half-set source stops the chain, and how the library's answers are worded. The sources
 * that need the library to read files or call STS / the metadata service run in child JVMs (cli's
 * CredentialChainCliTest).
 */
public class DefaultChainTest {
    private static final ConnectionSettings CONNECTION = ConnectionSettings.defaults();

    private static CredentialException refused(Map<String, String> env, String profile) {
        try {
            AccessKey key = DefaultChain.resolve(env, profile, CONNECTION);
            fail("resolved " + key + " from " + env.keySet());
            return null;
        } catch (CredentialException e) {
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
            return e;
        }
    }

    @Test
    public void environmentVariablesGiveAKeyNamingTheirSource() throws Exception {
        AccessKey key = DefaultChain.resolve(Map.of(DefaultChain.ENV_ID, "LTAI-test-0001", DefaultChain.ENV_SECRET,
                "secret-0001\n"), null, CONNECTION);

        assertEquals("LTAI-test-0001", key.id());
        assertEquals("secret-0001", key.secret());
        assertNull(key.securityToken());
        assertEquals("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET", key.source());
    }

    @Test
    public void environmentStsTokenIsKeptAndNamed() throws Exception {
        AccessKey key = DefaultChain.resolve(Map.of(DefaultChain.ENV_ID, "STS.x-0001", DefaultChain.ENV_SECRET, "s",
                DefaultChain.ENV_TOKEN, "token-0001"), null, CONNECTION);

        assertEquals("token-0001", key.securityToken());
        assertEquals("environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/ALIBABA_CLOUD_SECURITY_TOKEN", key.source());
    }

    @Test
    public void halfSetSourcesStopTheChainInOneLine() {
        Object[][] rows = {
                {Map.of(DefaultChain.ENV_ID, "LTAI-test-0001"), "ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both"},
                {Map.of(DefaultChain.ENV_ID, "LTAI-test-0001", DefaultChain.ENV_SECRET, " "), "ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but empty"},
                {Map.of(DefaultChain.ENV_TOKEN, "t"), "ALIBABA_CLOUD_SECURITY_TOKEN is set without"},
                {Map.of(DefaultChain.ENV_ROLE_ARN, "acs:ram::1:role/r"), "OIDC (RRSA) source is half set: ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE are missing"},
                {Map.of(DefaultChain.ENV_ROLE_ARN, "acs:ram::1:role/r", DefaultChain.ENV_OIDC_PROVIDER_ARN, "p",
                        DefaultChain.ENV_OIDC_TOKEN_FILE, "/nonexistent/token"), "cannot read the OIDC token file /nonexistent/token"},
                {Map.of(DefaultChain.ENV_PROFILE, ""), "ALIBABA_CLOUD_PROFILE is set but empty"},
        };
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            CredentialException e = refused((Map<String, String>) row[0], null);
            assertTrue(e.getMessage(), e.getMessage().contains((String) row[1]));
            assertNull(e.code());
        }
    }

    @Test
    public void nothingConfiguredListsWhatWasTried() {
        CredentialException e = refused(Map.of(), null);

        assertTrue(e.getMessage(), e.getMessage().startsWith("no Alibaba Cloud credentials found: " + DefaultChain.HOW_TO_PROVIDE
                + " (tried: no aliyun CLI config (~/.aliyun/config.json); no ~/.alibabacloud/credentials.ini)"));
    }

    @Test
    public void aProfileThatWasAskedForMustExist() {
        CredentialException e = refused(Map.of(DefaultChain.ENV_ID, "LTAI-test-0001", DefaultChain.ENV_SECRET, "s"), "ci");

        assertTrue(e.getMessage(), e.getMessage().startsWith("aliyun CLI profile 'ci' in ~/.aliyun/config.json: the file does"
                + " not exist (Java's user.home is "));
        assertTrue(e.getMessage(), e.getMessage().endsWith("run 'aliyun configure --profile ci'"));
    }

    @Test
    public void libraryProviderNamesBecomeAliyunCliModes() {
        assertEquals("AK mode", DefaultChain.cliMode("cli_profile/static_ak"));
        assertEquals("StsToken mode", DefaultChain.cliMode("cli_profile/static_sts"));
        assertEquals("RamRoleArn mode", DefaultChain.cliMode("cli_profile/ram_role_arn/static_ak"));
        assertEquals("ChainableRamRoleArn mode", DefaultChain.cliMode("cli_profile/ram_role_arn/ram_role_arn/static_ak"));
        assertEquals("EcsRamRole mode", DefaultChain.cliMode("cli_profile/ecs_ram_role"));
        assertEquals("OIDC mode", DefaultChain.cliMode("cli_profile/oidc_role_arn"));
        assertEquals("type access_key", DefaultChain.iniType("profile/static_ak"));
    }

    @Test
    public void stsAnswersInsideLibraryMessagesBecomeTheCatalogsLineWithoutTheBody() {
        String message = "Error refreshing credentials from OIDC, HttpCode: 401, result: {\"RequestId\":\"R-1\","
                + "\"Code\":\"AuthenticationFail.OIDCToken.Expired\",\"Message\":\"This JsonWebToken is expired.\"}.";

        String line = DefaultChain.exchangeFailure(message);

        assertTrue(line, line.startsWith("STS answered AuthenticationFail.OIDCToken.Expired (This JsonWebToken is expired). "
                + "Point ALIBABA_CLOUD_OIDC_TOKEN_FILE at"));
        assertFalse(line, line.contains("RequestId\":"));
        assertEquals("ab {...} ?...", DefaultChain.safe("ab {\"secret\":\"x\"} ?Signature=abc"));
    }

    @Test
    public void halfSetSystemPropertiesStop() {
        System.setProperty("alibabacloud.accessKeyId", "LTAI-prop-0001");
        try {
            CredentialException e = refused(new HashMap<>(), null);
            assertTrue(e.getMessage(), e.getMessage().contains("Java system properties alibabacloud.accessKeyId/"
                    + "alibabacloud.accessKeySecret: only one of the two is set"));
        } finally {
            System.clearProperty("alibabacloud.accessKeyId");
        }
    }
}

package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.AccessKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Where credentials come from, without any network: environment, aliyun CLI profiles, and every way that fails. */
public class CredentialResolverTest {
    static final String SECRET = "s3cret-CredentialResolverTest-0001";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void environmentVariablesGiveTheAccessKey() {
        AccessKey key = resolver(Map.of(CredentialResolver.ENV_ID, "LTAI-test-0001", CredentialResolver.ENV_SECRET, SECRET))
                .resolve(null, null);

        assertEquals("LTAI-test-0001", key.id());
        assertEquals(SECRET, key.secret());
        assertNull(key.securityToken());
    }

    @Test
    public void securityTokenVariableMakesStsCredentials() {
        AccessKey key = resolver(Map.of(CredentialResolver.ENV_ID, "STS-test-0001", CredentialResolver.ENV_SECRET, SECRET,
                CredentialResolver.ENV_TOKEN, "sts-token-1")).resolve(null, null);

        assertEquals("sts-token-1", key.securityToken());
    }

    @Test
    public void nothingConfiguredSaysExactlyHowToProvideCredentials() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve(null, null));

        assertEquals("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                + "(plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or pass --profile NAME to use a profile of the aliyun CLI "
                + "(~/.aliyun/config.json)", e.getMessage());
    }

    @Test
    public void anIdWithoutASecretNamesTheMissingVariable() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver(Map.of(CredentialResolver.ENV_ID, "LTAI-test-0001")).resolve(null, null));

        assertEquals("ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both", e.getMessage());
    }

    @Test
    public void aSecretWithoutAnIdNamesTheMissingVariableAndNotTheSecret() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver(Map.of(CredentialResolver.ENV_SECRET, SECRET)).resolve(null, null));

        assertEquals("ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not: set both", e.getMessage());
    }

    /** Each row: the environment; what the one line must say. */
    @Test
    public void anEmptyVariableIsReportedAsEmptyNotAsUnset() {
        String[][] rows = {
                {"LTAI-test-0001", "", "ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is empty"},
                {"", SECRET, "ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is empty"},
                {" ", "\n", "ALIBABA_CLOUD_ACCESS_KEY_ID is empty"},
                {null, "", "ALIBABA_CLOUD_ACCESS_KEY_SECRET is empty"},
        };
        for (String[] row : rows) {
            Map<String, String> env = new java.util.HashMap<>();
            if (row[0] != null) {
                env.put(CredentialResolver.ENV_ID, row[0]);
            }
            env.put(CredentialResolver.ENV_SECRET, row[1]);

            ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(env).resolve(null, null));

            assertTrue(e.getMessage(), e.getMessage().startsWith(row[2]));
            assertFalse(e.getMessage(), e.getMessage().contains("is not"));
            assertFalse(e.getMessage(), e.getMessage().contains(SECRET));
        }
    }

    /** Each row: the environment (ID and secret set); a blank token would sign an STS key without it. */
    @Test
    public void anEmptySecurityTokenIsReportedAsEmptyNotIgnored() {
        for (String token : new String[] {"", "   ", "\n"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of(
                    CredentialResolver.ENV_ID, "STS-test-0001", CredentialResolver.ENV_SECRET, SECRET,
                    CredentialResolver.ENV_TOKEN, token)).resolve(null, null));

            assertEquals("ALIBABA_CLOUD_SECURITY_TOKEN is empty (a CI secret that did not expand?): give the STS token, "
                    + "or unset it for a permanent AccessKey", e.getMessage());
        }
    }

    @Test
    public void anEmptyProfileVariableIsReportedAsEmptyNotAsNoCredentials() {
        for (String name : new String[] {"", "  "}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> resolver(Map.of(CredentialResolver.ENV_PROFILE, name)).resolve(null, null));

            assertEquals("ALIBABA_CLOUD_PROFILE is empty (a CI variable that did not expand?): name a profile of the "
                    + "aliyun CLI, or unset it and set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                    e.getMessage());
        }
    }

    /** An unexpanded "$PROFILE" must not fall back to other credentials, which may be another account's. */
    @Test
    public void blankProfileOrConfigFileIsRefusedNotReadAsAbsent() {
        Map<String, String> env = Map.of(CredentialResolver.ENV_ID, "LTAI-test-0015", CredentialResolver.ENV_SECRET, SECRET);

        assertEquals("--profile is empty: name a profile of the aliyun CLI, or leave the option out",
                assertThrows(ConfigurationException.class, () -> resolver(env).resolve(" ", null)).getMessage());
        assertEquals("--config-file is empty: give the aliyun CLI's config.json, or leave the option out",
                assertThrows(ConfigurationException.class, () -> resolver(env).resolve(null, Path.of(""))).getMessage());
        assertEquals("ALIBABA_CLOUD_CONFIG_FILE is empty (a CI variable that did not expand?): point it at the aliyun "
                + "CLI's config.json, or unset it for ~/.aliyun/config.json",
                assertThrows(ConfigurationException.class, () -> resolver(Map.of(CredentialResolver.ENV_CONFIG_FILE, ""))
                        .resolve("ci", null)).getMessage());
    }

    /**
     * --profile and --config-file come before the environment variables, so advising to set them helps only
     * without those options; through ALIBABA_CLOUD_PROFILE they do help as they are.
     */
    @Test
    public void unsupportedModeAdviceFitsHowTheProfileWasChosen() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("role.json"), "{\"current\":\"role\",\"profiles\":["
                + "{\"name\":\"role\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAI-test-0007\"}]}");
        String keys = "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET";

        assertTrue(assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve(null, file))
                .getMessage().endsWith("use a profile in AK or StsToken mode, or drop --config-file and " + keys));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolver(Map.of(
                CredentialResolver.ENV_CONFIG_FILE, file.toString())).resolve("role", null))
                .getMessage().endsWith("use a profile in AK or StsToken mode, or drop --profile and " + keys));
        assertTrue(assertThrows(ConfigurationException.class, () -> resolver(Map.of(
                CredentialResolver.ENV_CONFIG_FILE, file.toString(), CredentialResolver.ENV_PROFILE, "role")).resolve(null, null))
                .getMessage().endsWith("use a profile in AK or StsToken mode, or " + keys + " (they come before ALIBABA_CLOUD_PROFILE)"));
    }

    @Test
    public void aConfigFileThatIsNotARegularFileIsRefusedUnread() throws IOException {
        Path dir = temp.newFolder("a-directory").toPath();
        for (Path file : new Path[] {dir, Path.of("/dev/zero")}) {
            if (!Files.exists(file)) {
                continue; // /dev/zero: Unix only
            }
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve("ci", file));

            assertEquals("aliyun CLI config file " + file + " is not a regular file: point ALIBABA_CLOUD_CONFIG_FILE "
                    + "(or --config-file) at the aliyun CLI's config.json", e.getMessage());
        }
    }

    @Test
    public void anUnreadableConfigFileSaysSoInWords() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("locked.json"), config(akProfile("ci", "LTAI-test-0016", SECRET)));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        org.junit.Assume.assumeFalse("root reads any file", Files.isReadable(file));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve("ci", file));

        assertEquals("cannot read aliyun CLI config file " + file + " (permission denied): check that it is a file "
                + "this user can read", e.getMessage());
    }

    @Test
    public void aConfigFileLargerThanOneMebibyteIsRefused() throws IOException {
        String profile = akProfile("ci", "LTAI-test-0014", SECRET);
        String padding = " ".repeat(AliyunCliProfiles.MAX_BYTES - config(profile).length());
        Path atLimit = write(temp.getRoot().toPath().resolve("at-limit.json"), config(profile) + padding);
        Path over = write(temp.getRoot().toPath().resolve("over.json"), config(profile) + padding + " ");

        assertEquals("LTAI-test-0014", resolver(Map.of()).resolve("ci", atLimit).id());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve("ci", over));
        assertEquals("aliyun CLI config file " + over + " is larger than 1 MiB, the limit (the aliyun CLI writes a few "
                + "KiB): point ALIBABA_CLOUD_CONFIG_FILE (or --config-file) at its config.json", e.getMessage());
    }

    @Test
    public void theHomeDirectoryIsTheHomeVariableAndUserHomeOnlyWithoutIt() {
        assertEquals(Path.of("/home/from-env"), CliEnvironment.of(Map.of("HOME", "/home/from-env"), "/home/java").home());
        assertEquals(Path.of("/home/java"), CliEnvironment.of(Map.of(), "/home/java").home());
        assertEquals(Path.of("/home/java"), CliEnvironment.of(Map.of("HOME", ""), "/home/java").home());
        assertNull(CliEnvironment.of(Map.of(), null).home());
    }

    @Test
    public void aConfigFileWithoutAProfileUsesItsCurrentProfileAsTheAliyunCliDoes() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("current.json"), config(
                akProfile("ci", "LTAI-test-0011", "other-secret"), akProfile("default", "LTAI-test-0012", SECRET)));

        AccessKey key = resolver(Map.of(CredentialResolver.ENV_ID, "LTAI-test-0013", CredentialResolver.ENV_SECRET, "env"))
                .resolve(null, file);

        assertEquals(AccessKey.of("LTAI-test-0012", SECRET), key);
    }

    @Test
    public void aConfigFileWithoutACurrentProfileAsksForProfile() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("nocurrent.json"),
                "{\"profiles\":[" + akProfile("ci", "LTAI-test-0011", SECRET) + "]}");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> resolver(Map.of()).resolve(null, file));

        assertEquals("aliyun CLI config file " + file + " has no \"current\" profile: pass --profile NAME, or choose "
                + "one with 'aliyun configure --profile NAME'", e.getMessage());
    }

    @Test
    public void akProfileFromTheHomeDirectory() throws IOException {
        Path home = temp.newFolder("home").toPath();
        write(home.resolve(".aliyun/config.json"), config(akProfile("ci", "LTAI-test-0002", SECRET)));

        AccessKey key = new CredentialResolver(new CliEnvironment(Map.of(), home)).resolve("ci", null);

        assertEquals(AccessKey.of("LTAI-test-0002", SECRET), key);
    }

    @Test
    public void stsTokenProfileCarriesTheToken() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("config.json"), config(
                "{\"name\":\"sts\",\"mode\":\"StsToken\",\"access_key_id\":\"STS-test-0003\",\"access_key_secret\":\"" + SECRET
                        + "\",\"sts_token\":\"sts-token-3\",\"region_id\":\"cn-hangzhou\"}"));

        AccessKey key = resolver(Map.of()).resolve("sts", file);

        assertEquals(AccessKey.of("STS-test-0003", SECRET, "sts-token-3"), key);
    }

    @Test
    public void profileOptionWinsOverEnvironmentVariables() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("config.json"), config(akProfile("ci", "LTAI-test-0004", SECRET)));

        AccessKey key = resolver(Map.of(CredentialResolver.ENV_ID, "LTAI-test-0009", CredentialResolver.ENV_SECRET, "other"))
                .resolve("ci", file);

        assertEquals("LTAI-test-0004", key.id());
    }

    @Test
    public void configFileVariableAndProfileVariableAreHonoured() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("elsewhere.json"), config(akProfile("deploy", "LTAI-test-0005", SECRET)));

        AccessKey key = resolver(Map.of(CredentialResolver.ENV_CONFIG_FILE, file.toString(),
                CredentialResolver.ENV_PROFILE, "deploy")).resolve(null, null);

        assertEquals("LTAI-test-0005", key.id());
    }

    /** Each row: the file's content, the profile asked for, what the one-line error must say. */
    private static final String[][] BAD_PROFILES = {
            {config(akProfile("ci", "LTAI-test-0006", SECRET)), "prod",
                    "profile 'prod' not found in FILE (profiles there: ci): create it with 'aliyun configure --profile prod'"},
            {config("{\"name\":\"role\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAI-test-0007\",\"access_key_secret\":\""
                    + SECRET + "\",\"ram_role_arn\":\"acs:ram::1:role/x\"}"), "role",
                    "profile 'role' in FILE uses mode RamRoleArn, which cdn-gate does not support: use a profile in AK or "
                            + "StsToken mode, or drop --profile and --config-file and set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                            + "ALIBABA_CLOUD_ACCESS_KEY_SECRET"},
            {config("{\"name\":\"sts\",\"mode\":\"StsToken\",\"access_key_id\":\"STS-test-0008\",\"access_key_secret\":\""
                    + SECRET + "\",\"sts_token\":\"\"}"), "sts",
                    "profile 'sts' in FILE is in StsToken mode but has no sts_token: run 'aliyun configure --mode StsToken --profile sts'"},
            {config("{\"name\":\"ci\",\"mode\":\"AK\",\"access_key_id\":\"LTAI-test-0006\"}"), "ci",
                    "profile 'ci' in FILE has no access_key_secret: run 'aliyun configure --profile ci'"},
            {"{\"current\":\"ci\",\"profiles\":[{\"name\":\"ci\",\"access_key_secret\":\"" + SECRET + "\"", "ci",
                    "aliyun CLI config file FILE is not a valid JSON object: fix it or recreate it with 'aliyun configure'"},
            {"[\"" + SECRET + "\"]", "ci",
                    "aliyun CLI config file FILE is not a valid JSON object: fix it or recreate it with 'aliyun configure'"},
            {"{\"current\":\"ci\"}", "ci",
                    "aliyun CLI config file FILE has no \"profiles\" list: create one with 'aliyun configure --profile ci'"},
    };

    @Test
    public void everyBadProfileIsOneLineNamingFileAndProfileWithoutTheSecret() throws IOException {
        for (String[] row : BAD_PROFILES) {
            Path file = write(temp.newFolder().toPath().resolve("config.json"), row[0]);

            ConfigurationException e = assertThrows(row[2], ConfigurationException.class,
                    () -> resolver(Map.of()).resolve(row[1], file));

            assertEquals(row[2].replace("FILE", file.toString()), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET));
        }
    }

    @Test
    public void missingConfigFileSaysHowToCreateOrPointToIt() {
        Path home = temp.getRoot().toPath().resolve("nobody");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new CredentialResolver(new CliEnvironment(Map.of(), home)).resolve("ci", null));

        assertEquals("aliyun CLI config file " + home.resolve(".aliyun/config.json") + " not found: run 'aliyun configure', "
                + "or point ALIBABA_CLOUD_CONFIG_FILE (or --config-file) at the file", e.getMessage());
    }

    @Test
    public void oldProfilesWithoutAModeAreAccessKeyProfiles() throws IOException {
        Path file = write(temp.getRoot().toPath().resolve("old.json"),
                config("{\"name\":\"default\",\"access_key_id\":\"LTAI-test-0010\",\"access_key_secret\":\"" + SECRET + "\"}"));

        assertTrue(resolver(Map.of()).resolve("default", file).id().equals("LTAI-test-0010"));
    }

    static String akProfile(String name, String id, String secret) {
        return "{\"name\":\"" + name + "\",\"mode\":\"AK\",\"access_key_id\":\"" + id + "\",\"access_key_secret\":\"" + secret
                + "\",\"sts_token\":\"\",\"ram_role_name\":\"\",\"expired_seconds\":0,\"region_id\":\"cn-hangzhou\","
                + "\"output_format\":\"json\",\"language\":\"en\"}";
    }

    static String config(String... profiles) {
        return "{\"current\":\"default\",\"profiles\":[" + String.join(",", profiles) + "],\"meta_path\":\"\"}";
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static CredentialResolver resolver(Map<String, String> env) {
        return new CredentialResolver(new CliEnvironment(env, null));
    }
}

package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.EmulatorTls;
import io.jenkins.plugins.cdngate.emulator.MetadataService;
import io.jenkins.plugins.cdngate.emulator.RecordingProxy;
import io.jenkins.plugins.cdngate.emulator.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every source of Alibaba Cloud's default credential chain, end to end: {@code cdn-gate} runs in a child JVM with a
 * controlled environment and HOME (what Alibaba's credentials library reads), the real library resolves the source, and
 * the emulator checks every signature. Where the library fixes an address (STS at sts[.region].aliyuncs.com:443 over
 * HTTPS, the ECS metadata service at 100.100.100.200:80) the child JVM's own seams point it at loopback: its HTTP(S)
 * proxy system properties name a recording proxy that routes those names to the emulator, and its trust store holds
 * only the emulator's throw-away certificate. Nothing leaves loopback: the proxy refuses every unrouted name.
 */
public class CredentialChainCliTest {
    static final String ROLE = "acs:ram::1234567890123456:role/deploy";
    static final String SECOND_ROLE = "acs:ram::1234567890123456:role/second";
    static final String ECS_ROLE = "acs:ram::1234567890123456:role/ecs-builder";
    static final String OIDC_ROLE = "acs:ram::1234567890123456:role/rrsa-jenkins";
    static final String OIDC_PROVIDER = "acs:ram::1234567890123456:oidc-provider/ack-rrsa-c1";
    static final String OIDC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqZW5raW5zIn0.c2lnbmF0dXJl";

    @ClassRule
    public static TemporaryFolder temp = new TemporaryFolder();

    static CdnEmulator emulator;
    static EmulatorTls tls;
    static int tlsPort;
    static RecordingProxy proxy;
    static MetadataService metadata;
    static Role oidcRole;

    @BeforeClass
    public static void start() throws Exception {
        emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
        tls = EmulatorTls.create(temp.newFolder("tls").toPath());
        tlsPort = emulator.startTls(tls.keyStore(), tls.password().toCharArray());
        metadata = emulator.startMetadata("127.0.0.1", 0);
        proxy = RecordingProxy.start()
                .route("sts.aliyuncs.com", "127.0.0.1:" + tlsPort)
                .route("sts.cn-hangzhou.aliyuncs.com", "127.0.0.1:" + tlsPort)
                .route("100.100.100.200", metadata.address());
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-cli-0603", "cli-secret-0603"));
        emulator.addAccount(GateExitCodesTest.readyAccount("STS.test-cli-0604", "cli-secret-0604").securityToken("cli-token-0604"));
        emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-ini-0605", "ini-secret-0605"));
        emulator.addAccount(Account.create("LTAI-base-0601", "base-secret-0601"));
        Account owner = emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-owner-0602", "owner-secret-0602"));
        emulator.addRole(owner, Role.create(ROLE).trust("LTAI-base-0601"));
        emulator.addRole(owner, Role.create(SECOND_ROLE).trust(ROLE));
        metadata.instanceRole(emulator.addRole(owner, Role.create(ECS_ROLE)));
        oidcRole = emulator.addRole(owner, Role.create(OIDC_ROLE).oidc(OIDC_PROVIDER, OIDC_TOKEN));
    }

    @AfterClass
    public static void stop() {
        proxy.close();
        emulator.close();
    }

    /** The child JVM's seams: STS and metadata names go to the recording proxy, which routes them to the emulator. */
    static List<String> seams() {
        List<String> options = new ArrayList<>(tls.trustOptions());
        options.addAll(List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.port(),
                "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + proxy.port()));
        return options;
    }

    static Path home(String cliConfig) throws Exception {
        Path home = temp.newFolder().toPath();
        if (cliConfig != null) {
            ConfigFiles.write(home.resolve(".aliyun/config.json"), cliConfig);
        }
        return home;
    }

    static String profile(String name, String mode, String... fields) {
        StringBuilder b = new StringBuilder("{\"name\":\"").append(name).append("\",\"mode\":\"").append(mode).append('"');
        for (int i = 0; i < fields.length; i += 2) {
            b.append(",\"").append(fields[i]).append("\":");
            b.append(fields[i + 1].matches("\\d+") ? fields[i + 1] : "\"" + fields[i + 1] + "\"");
        }
        return b.append(",\"region_id\":\"cn-hangzhou\",\"output_format\":\"json\",\"language\":\"en\"}").toString();
    }

    static String ramRoleArnProfile(String name) {
        return profile(name, "RamRoleArn", "access_key_id", "LTAI-base-0601", "access_key_secret", "base-secret-0601",
                "ram_role_arn", ROLE, "ram_session_name", "cli-session", "expired_seconds", "900");
    }

    private CliRun gate(Map<String, String> env, Path home, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("ensure-active", "--endpoint", emulator.endpoint()));
        args.addAll(List.of(extra));
        return CliRun.child(env, home, seams(), args.toArray(new String[0]));
    }

    private static void assertPassFrom(CliRun run, String maskedId, String source) {
        assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        String first = run.out.lines().findFirst().orElse("");
        assertTrue(run.toString(), first.startsWith("[CDN Gate] ensure-active with AccessKey " + maskedId));
        assertTrue(run.toString(), first.contains(" from " + source));
        assertTrue(run.toString(), run.out.lines().allMatch(l -> l.startsWith("[CDN Gate] ")));
        assertEquals(run.toString(), "", run.err);
    }

    private static void assertNothingLeftLoopback() {
        for (RecordingProxy.Forwarded f : proxy.forwarded()) {
            assertEquals(f.toString(), 200, f.status());
        }
    }

    // ---- aliyun CLI config: its current profile, each mode the library reads ----

    @Test
    public void onlyAnAliyunCliConfigInAkModeUsesItsCurrentProfileAndPasses() throws Exception {
        Path home = home(ConfigFiles.config("ci",
                ConfigFiles.akProfile("other", "LTAI-nobody-0999", "other-secret"),
                ConfigFiles.akProfile("ci", "LTAI-cli-0603", "cli-secret-0603")));

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "LTAI****0603", "aliyun CLI current profile in ~/.aliyun/config.json (AK mode)");
        assertFalse(run.toString(), run.all().contains("cli-secret-0603"));
    }

    @Test
    public void profileOptionPicksAStsTokenProfile() throws Exception {
        Path home = home(ConfigFiles.config("ci", ConfigFiles.akProfile("ci", "LTAI-nobody-0999", "x-secret"),
                profile("sts", "StsToken", "access_key_id", "STS.test-cli-0604", "access_key_secret", "cli-secret-0604",
                        "sts_token", "cli-token-0604")));

        CliRun run = gate(Map.of(), home, "--profile", "sts");

        assertPassFrom(run, "STS.****0604", "aliyun CLI profile 'sts' in ~/.aliyun/config.json (StsToken mode)");
        assertFalse(run.toString(), run.all().contains("cli-token-0604"));
    }

    @Test
    public void aliyunProfileEnvironmentVariablePicksTheProfile() throws Exception {
        Path home = home(ConfigFiles.config("other", ConfigFiles.akProfile("other", "LTAI-nobody-0999", "x-secret"),
                ConfigFiles.akProfile("ci", "LTAI-cli-0603", "cli-secret-0603")));

        CliRun run = gate(Map.of("ALIBABA_CLOUD_PROFILE", "ci"), home);

        assertPassFrom(run, "LTAI****0603", "aliyun CLI profile 'ci' in ~/.aliyun/config.json (AK mode)");
    }

    @Test
    public void ramRoleArnProfileAssumesTheRoleThroughTheLibrary() throws Exception {
        Path home = home(ConfigFiles.config("deploy", ramRoleArnProfile("deploy")));

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "STS.****", "aliyun CLI current profile in ~/.aliyun/config.json (RamRoleArn mode)");
        assertTrue(proxy.forwarded().toString(), proxy.forwarded().stream()
                .anyMatch(f -> f.method().equals("CONNECT") && f.target().equals("sts.aliyuncs.com:443")));
        assertNothingLeftLoopback();
    }

    @Test
    public void theLibrarysStsCallsFollowHttpsProxyFromTheEnvironmentLikeTheSdk() throws Exception {
        Path home = home(ConfigFiles.config("deploy", ramRoleArnProfile("deploy")));
        int before = proxy.forwarded().size();

        // no -Dhttps.proxyHost: only the variable every CI sets
        CliRun run = CliRun.child(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()), home, tls.trustOptions(),
                "ensure-active", "--endpoint", emulator.endpoint());

        assertPassFrom(run, "STS.****", "aliyun CLI current profile in ~/.aliyun/config.json (RamRoleArn mode)");
        assertTrue(proxy.forwarded().toString(), proxy.forwarded().subList(before, proxy.forwarded().size()).stream()
                .anyMatch(f -> f.method().equals("CONNECT") && f.target().equals("sts.aliyuncs.com:443")));
    }

    @Test
    public void ramRoleArnProfileRefusedByStsFailsClosedInOneLine() throws Exception {
        Path home = home(ConfigFiles.config("deploy", profile("deploy", "RamRoleArn", "access_key_id", "LTAI-base-0601",
                "access_key_secret", "base-secret-0601", "ram_role_arn", "acs:ram::1234567890123456:role/missing",
                "ram_session_name", "cli-session", "expired_seconds", "900")));

        CliRun run = gate(Map.of(), home);

        assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
        List<String> fails = run.out.lines().filter(l -> l.contains("FAIL: ")).toList();
        assertEquals(run.toString(), 1, fails.size());
        assertTrue(run.toString(), fails.get(0).startsWith("[CDN Gate] FAIL: Credentials: aliyun CLI current profile in"
                + " ~/.aliyun/config.json: STS answered EntityNotExist.Role"));
        assertTrue(run.toString(), fails.get(0).contains("[Code EntityNotExist.Role, RequestId "));
        assertFalse(run.toString(), run.all().contains("base-secret-0601"));
    }

    @Test
    public void ramRoleArnProfileThatCannotReachStsIsOneLineNamingTheSourceAndTheFix() throws Exception {
        Path home = home(ConfigFiles.config("deploy", ramRoleArnProfile("deploy")));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        // the library's STS call goes to a proxy port on loopback where nothing listens: no HTTP answer at all
        List<String> options = new ArrayList<>(tls.trustOptions());
        options.addAll(List.of("-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + closed));

        CliRun run = CliRun.child(Map.of(), home, options, "ensure-active", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals(run.toString(), "", run.out);
        assertEquals(run.toString(), 1, run.err.strip().lines().count());
        assertTrue(run.toString(), run.err.startsWith("cdn-gate: aliyun CLI current profile in ~/.aliyun/config.json:"
                + " could not reach STS"));
        assertTrue(run.toString(), run.err.contains("HTTPS_PROXY"));
        assertFalse(run.toString(), run.err.contains("HttpCode"));
        assertFalse(run.toString(), run.all().contains("base-secret-0601"));
    }

    @Test
    public void anAkProfileWithAnEmptySecretNamesTheFix() throws Exception {
        Path home = home(ConfigFiles.config("ci", profile("ci", "AK", "access_key_id", "LTAI-cli-0603", "access_key_secret", "")));

        CliRun run = gate(Map.of(), home);

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals(run.toString(), "cdn-gate: aliyun CLI current profile in ~/.aliyun/config.json (AK mode): AccessKey"
                + " secret is empty for AccessKey LTAI****0603: give the AccessKey secret that belongs to this AccessKey ID",
                run.err.strip());
    }

    @Test
    public void anEcsMetadataServiceThatDoesNotAnswerIsTriedAsNoMetadataService() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", null);

        // the library's metadata call goes to a proxy port on loopback where nothing listens: no HTTP answer at all
        CliRun run = CliRun.child(env, home(null), List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + closed),
                "ensure-active", "--endpoint", emulator.endpoint());

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals(run.toString(), 1, run.err.strip().lines().count());
        assertTrue(run.toString(), run.err.strip().endsWith("no ECS metadata service (not an ECS instance;"
                + " ALIBABA_CLOUD_ECS_METADATA_DISABLED=true skips it))"));
        assertFalse(run.toString(), run.err.contains("HttpCode"));
    }

    @Test
    public void chainableRamRoleArnProfileAssumesTwoRoles() throws Exception {
        Path home = home(ConfigFiles.config("chained", ramRoleArnProfile("deploy"),
                profile("chained", "ChainableRamRoleArn", "source_profile", "deploy", "ram_role_arn", SECOND_ROLE,
                        "ram_session_name", "chained-session", "expired_seconds", "900")));

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "STS.****", "aliyun CLI current profile in ~/.aliyun/config.json (ChainableRamRoleArn mode)");
        assertTrue(emulator.issuedCredentials().stream().anyMatch(c -> c.roleArn().equals(SECOND_ROLE)));
    }

    @Test
    public void ecsRamRoleProfileReadsTheMetadataService() throws Exception {
        Path home = home(ConfigFiles.config("ecs", profile("ecs", "EcsRamRole", "ram_role_name", "ecs-builder")));
        Map<String, String> env = new HashMap<>();
        env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", null);

        CliRun run = gate(env, home);

        assertPassFrom(run, "STS.****", "aliyun CLI current profile in ~/.aliyun/config.json (EcsRamRole mode)");
        assertTrue(metadata.requests().toString(),
                metadata.requests().contains("GET /latest/meta-data/ram/security-credentials/ecs-builder token"));
        assertNothingLeftLoopback();
    }

    @Test
    public void oidcProfileExchangesTheTokenFile() throws Exception {
        Path token = Files.writeString(temp.newFile().toPath(), OIDC_TOKEN);
        Path home = home(ConfigFiles.config("rrsa", profile("rrsa", "OIDC", "ram_role_arn", OIDC_ROLE,
                "oidc_provider_arn", OIDC_PROVIDER, "oidc_token_file", token.toString(), "ram_session_name", "rrsa-session",
                "expired_seconds", "900")));

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "STS.****", "aliyun CLI current profile in ~/.aliyun/config.json (OIDC mode)");
    }

    @Test
    public void aModeTheLibraryCannotReadIsOneLineNamingTheModeAndTheFix() throws Exception {
        Path home = home(ConfigFiles.config("sso", profile("sso", "CloudSSO", "cloud_sso_sign_in_url", "https://signin.example")));

        CliRun run = gate(Map.of(), home);

        assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
        assertEquals(run.toString(), "cdn-gate: aliyun CLI current profile in ~/.aliyun/config.json uses mode CloudSSO,"
                + " which Alibaba's credentials library (1.0.3) cannot read: use a profile in AK, StsToken, RamRoleArn,"
                + " ChainableRamRoleArn, EcsRamRole or OIDC mode (--profile NAME), or set ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET",
                run.err.strip());
    }

    @Test
    public void anAliyunCliConfigThatExistsButCannotGiveAKeyStopsTheChain() throws Exception {
        String[][] rows = {
                {"{\"current\":\"ci\",\"profiles\":[{\"name\":\"ci\",\"access_key_secret\":\"cli-secret-0603\" oops",
                        "cdn-gate: aliyun CLI current profile in ~/.aliyun/config.json: the file is not valid JSON: fix it or"
                                + " recreate it with 'aliyun configure'"},
                {ConfigFiles.config("gone", ConfigFiles.akProfile("ci", "LTAI-cli-0603", "cli-secret-0603")),
                        "cdn-gate: aliyun CLI current profile in ~/.aliyun/config.json: no such profile in the file: create it"
                                + " with 'aliyun configure', or pass --profile NAME of one that exists"},
        };
        for (String[] row : rows) {
            // a broken config never hands over to the later sources (credentials.ini here, which would work)
            Path home = home(row[0]);
            ConfigFiles.write(home.resolve(".alibabacloud/credentials.ini"), "[default]\nenable = true\ntype = access_key\n"
                    + "access_key_id = LTAI-ini-0605\naccess_key_secret = ini-secret-0605\n");
            CliRun run = gate(Map.of(), home);

            assertEquals(run.toString(), ExitCodes.USAGE, run.exitCode);
            assertEquals(run.toString(), row[1], run.err.strip());
            assertFalse(run.toString(), run.all().contains("cli-secret-0603"));
        }
    }

    // ---- the other sources ----

    @Test
    public void alibabaCloudCredentialsFile() throws Exception {
        Path home = home(null);
        ConfigFiles.write(home.resolve(".alibabacloud/credentials.ini"), "[default]\nenable = true\ntype = access_key\n"
                + "access_key_id = LTAI-ini-0605\naccess_key_secret = ini-secret-0605\n");

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "LTAI****0605", "section [default] of ~/.alibabacloud/credentials.ini (type access_key)");
    }

    @Test
    public void alibabaCloudCredentialsFileRamRoleArnTypeAssumesTheRole() throws Exception {
        Path home = home(null);
        ConfigFiles.write(home.resolve(".alibabacloud/credentials.ini"), "[default]\nenable = true\ntype = ram_role_arn\n"
                + "access_key_id = LTAI-base-0601\naccess_key_secret = base-secret-0601\nrole_arn = " + ROLE + "\n"
                + "role_session_name = ini-session\n");

        CliRun run = gate(Map.of(), home);

        assertPassFrom(run, "STS.****", "section [default] of ~/.alibabacloud/credentials.ini (type ram_role_arn)");
        assertTrue(emulator.issuedCredentials().stream().anyMatch(c -> "ini-session".equals(c.sessionName())));
        assertNothingLeftLoopback();
    }

    @Test
    public void ecsInstanceRoleInHardenedModeUsesTheSessionToken() throws Exception {
        metadata.hardened(true);
        try {
            Map<String, String> env = new HashMap<>();
            env.put("ALIBABA_CLOUD_ECS_METADATA_DISABLED", null);
            env.put("ALIBABA_CLOUD_IMDSV1_DISABLED", "true");

            CliRun run = gate(env, home(null));

            assertPassFrom(run, "STS.****", "ECS instance RAM role (metadata service 100.100.100.200, hardened mode)");
            assertTrue(metadata.requests().toString(), metadata.requests().contains("PUT /latest/api/token"));
            assertTrue(metadata.requests().toString(),
                    metadata.requests().contains("GET /latest/meta-data/ram/security-credentials/ token"));
            assertNothingLeftLoopback();
        } finally {
            metadata.hardened(false);
        }
    }

    @Test
    public void oidcEnvironmentSourceRrsa() throws Exception {
        Path token = Files.writeString(temp.newFile().toPath(), OIDC_TOKEN);

        CliRun run = gate(Map.of("ALIBABA_CLOUD_ROLE_ARN", OIDC_ROLE, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER,
                "ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString()), home(null), "--sts-endpoint", "127.0.0.1:" + tlsPort);

        assertPassFrom(run, "STS.****", "OIDC role " + OIDC_ROLE + " (RRSA: ALIBABA_CLOUD_ROLE_ARN, "
                + "ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)");
        assertFalse(run.toString(), run.all().contains(OIDC_TOKEN));
    }

    @Test
    public void oidcSourceWithAnExpiredTokenFailsClosedInOneLine() throws Exception {
        Path token = Files.writeString(temp.newFile().toPath(), OIDC_TOKEN);
        oidcRole.oidcTokenExpired(true);
        try {
            CliRun run = gate(Map.of("ALIBABA_CLOUD_ROLE_ARN", OIDC_ROLE, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER,
                    "ALIBABA_CLOUD_OIDC_TOKEN_FILE", token.toString()), home(null), "--sts-endpoint", "127.0.0.1:" + tlsPort);

            assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
            assertTrue(run.toString(), run.out.contains("FAIL: Credentials: OIDC role " + OIDC_ROLE));
            assertTrue(run.toString(), run.out.contains("AuthenticationFail.OIDCToken.Expired"));
            assertTrue(run.toString(), run.out.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"));
            assertFalse(run.toString(), run.all().contains(OIDC_TOKEN));
        } finally {
            oidcRole.oidcTokenExpired(false);
        }
    }

    @Test
    public void oidcSourceRefusedByStsIsOneLinePerCode() throws Exception {
        Path right = Files.writeString(temp.newFile().toPath(), OIDC_TOKEN);
        Path wrong = Files.writeString(temp.newFile().toPath(), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlciJ9.b3RoZXI");
        String[][] rows = {
                {OIDC_PROVIDER.replace("c1", "c9"), right.toString(), "AuthenticationFail.NoPermission", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"},
                {OIDC_PROVIDER, wrong.toString(), "AuthenticationFail.OIDCToken.Invalid", "service-account token"},
        };
        for (String[] row : rows) {
            CliRun run = gate(Map.of("ALIBABA_CLOUD_ROLE_ARN", OIDC_ROLE, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", row[0],
                    "ALIBABA_CLOUD_OIDC_TOKEN_FILE", row[1]), home(null), "--sts-endpoint", "127.0.0.1:" + tlsPort);

            assertEquals(run.toString(), ExitCodes.FAIL, run.exitCode);
            String fail = run.out.lines().filter(l -> l.contains("FAIL: ")).findFirst().orElse("");
            assertTrue(run.toString(), fail.contains("STS answered " + row[2]));
            assertTrue(run.toString(), fail.contains(row[3]));
            assertTrue(run.toString(), fail.endsWith("[Code " + row[2] + "]") || fail.contains("[Code " + row[2] + ", RequestId "));
        }
    }
}

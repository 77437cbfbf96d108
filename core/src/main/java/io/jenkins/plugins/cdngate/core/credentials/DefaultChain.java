package io.jenkins.plugins.cdngate.core.credentials;

import com.aliyun.credentials.models.CredentialModel;
import com.aliyun.credentials.provider.AlibabaCloudCredentialsProvider;
import com.aliyun.credentials.provider.CLIProfileCredentialsProvider;
import com.aliyun.credentials.provider.EcsRamRoleCredentialProvider;
import com.aliyun.credentials.provider.OIDCRoleArnCredentialProvider;
import com.aliyun.credentials.provider.ProfileCredentialsProvider;
import com.aliyun.credentials.provider.SystemPropertiesCredentialsProvider;
import com.aliyun.credentials.provider.URLCredentialProvider;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.ErrorCatalog;
import io.jenkins.plugins.cdngate.core.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alibaba Cloud's default credential chain, through Alibaba's credentials library ({@code com.aliyun:credentials-java}
 * 1.0.3), one source at a time so the gate can say which source it used and why each one failed. The order is the
 * library's ({@code DefaultCredentialsProvider}):
 * <ol>
 *   <li>Java system properties {@code alibabacloud.accessKeyId}, {@code alibabacloud.accessKeySecret}
 *       (+ {@code alibabacloud.sessionToken});</li>
 *   <li>environment variables {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}
 *       (+ {@code ALIBABA_CLOUD_SECURITY_TOKEN});</li>
 *   <li>OIDC / RRSA when {@code ALIBABA_CLOUD_ROLE_ARN}, {@code ALIBABA_CLOUD_OIDC_PROVIDER_ARN} and
 *       {@code ALIBABA_CLOUD_OIDC_TOKEN_FILE} are all set (STS AssumeRoleWithOIDC);</li>
 *   <li>the aliyun CLI's {@code ~/.aliyun/config.json}: the profile given, else {@code ALIBABA_CLOUD_PROFILE}, else the
 *       file's {@code current} profile, in any mode the library reads (AK, StsToken, RamRoleArn, ChainableRamRoleArn,
 *       EcsRamRole, OIDC);</li>
 *   <li>{@code ~/.alibabacloud/credentials.ini} (or {@code ALIBABA_CLOUD_CREDENTIALS_FILE}), section
 *       {@code ALIBABA_CLOUD_PROFILE} or {@code default}, which must say {@code enable = true};</li>
 *   <li>the ECS instance RAM role from the metadata service at 100.100.100.200 (hardened mode with
 *       {@code ALIBABA_CLOUD_IMDSV1_DISABLED=true}; off with {@code ALIBABA_CLOUD_ECS_METADATA_DISABLED=true});</li>
 *   <li>{@code ALIBABA_CLOUD_CREDENTIALS_URI}.</li>
 * </ol>
 * The first source that yields a key wins. Where the library silently moves on, the chain stops with one line instead
 * (fail closed, so a half-configured source never lets a gate check another account): a source that is partly set
 * (some of its variables), a profile that was asked for, or an aliyun CLI config file that exists but cannot give a
 * key. The variables of sources 2 and 3 come from {@code environment}; the library itself reads the aliyun CLI and
 * credentials files under the JVM's {@code user.home}, and the process environment for {@code ALIBABA_CLOUD_PROFILE},
 * the switches and the STS region (the CLI passes its own process environment, so both agree).
 *
 * <p>In a long-lived JVM (Jenkins) note what the library keeps per JVM: {@code credentials.ini} is parsed once and
 * cached (ProfileCredentialsProvider), the files are those under the JVM's {@code user.home}, and the library's own
 * HTTP calls (STS for the OIDC source and the aliyun CLI's role modes, the metadata service) use Java's
 * HttpURLConnection with the JVM's proxy properties, not {@link ProxySettings} (which the SDK's calls use: CDN and
 * {@link RoleAssumer}). Every provider is built per call and closed; the ECS source refreshes synchronously (no
 * background thread).
 */
public final class DefaultChain {
    public static final String ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ENV_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    public static final String ENV_ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
    public static final String ENV_OIDC_PROVIDER_ARN = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
    public static final String ENV_OIDC_TOKEN_FILE = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
    public static final String ENV_ROLE_SESSION_NAME = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    public static final String ENV_PROFILE = "ALIBABA_CLOUD_PROFILE";
    public static final String ENV_CREDENTIALS_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";
    public static final String ENV_ECS_METADATA = "ALIBABA_CLOUD_ECS_METADATA";
    public static final String ENV_ECS_METADATA_DISABLED = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
    public static final String ENV_IMDSV1_DISABLED = "ALIBABA_CLOUD_IMDSV1_DISABLED";
    public static final String ENV_CREDENTIALS_URI = "ALIBABA_CLOUD_CREDENTIALS_URI";
    public static final String ENV_CLI_PROFILE_DISABLED = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

    static final String CLI_CONFIG = "~/.aliyun/config.json";
    static final String CREDENTIALS_INI = "~/.alibabacloud/credentials.ini";
    /** How to give credentials at all, for the final "nothing found" line. */
    public static final String HOW_TO_PROVIDE = "set " + ENV_ID + " and " + ENV_SECRET + " (plus " + ENV_TOKEN
            + " for STS), run 'aliyun configure' (" + CLI_CONFIG + "), or run on an ECS instance with a RAM role";

    private DefaultChain() {
    }

    /** The chain over this process's environment, the aliyun CLI's current profile: what the controller itself is. */
    public static AccessKey resolve(ConnectionSettings connection) throws CredentialException {
        return resolve(System.getenv(), null, connection);
    }

    /**
     * @param environment the variables sources 2 and 3 read (a CLI passes its process environment)
     * @param profile     the aliyun CLI profile to use (cdn-gate --profile), or null for ALIBABA_CLOUD_PROFILE / the
     *                    file's current profile; a profile given is required to work
     * @param connection  the STS endpoint the OIDC source calls (when not the default; else the library's choice, which
     *                    honours ALIBABA_CLOUD_STS_REGION) and its timeouts
     * @return the key, its {@link AccessKey#source()} naming where it came from
     * @throws CredentialException one line naming the source that failed and the fix, or every source tried
     */
    public static AccessKey resolve(Map<String, String> environment, String profile, ConnectionSettings connection)
            throws CredentialException {
        Map<String, String> env = environment == null ? Map.of() : environment;
        ConnectionSettings settings = connection == null ? ConnectionSettings.defaults() : connection;
        if (profile != null && profile.isBlank()) {
            throw new CredentialException("--profile is empty: name a profile of the aliyun CLI, or leave the option out");
        }
        String wanted = profile == null ? null : profile.strip();
        List<String> tried = new ArrayList<>();

        if (wanted == null) {
            AccessKey key = systemProperties(tried);
            if (key == null) {
                key = environment(env);
            }
            if (key == null) {
                key = oidc(env, settings);
            }
            if (key != null) {
                return key;
            }
        }
        AccessKey key = cliProfile(env, wanted, tried);
        if (key != null || wanted != null) {
            return key;
        }
        key = credentialsFile(env, tried);
        // the library also reads this switch from the process environment (its provider refuses to start then)
        if (key == null && !"true".equalsIgnoreCase(value(env, ENV_ECS_METADATA_DISABLED))
                && !"true".equalsIgnoreCase(System.getenv(ENV_ECS_METADATA_DISABLED))) {
            key = ecsRole(env, tried);
        }
        if (key == null && value(env, ENV_CREDENTIALS_URI) != null) {
            key = credentialsUri(env, tried);
        }
        if (key != null) {
            return key;
        }
        throw new CredentialException("no Alibaba Cloud credentials found: " + HOW_TO_PROVIDE
                + (tried.isEmpty() ? "" : " (tried: " + String.join("; ", tried) + ")"));
    }

    // ------------------------------------------------------------------ sources

    private static AccessKey systemProperties(List<String> tried) throws CredentialException {
        String id = System.getProperty("alibabacloud.accessKeyId");
        String secret = System.getProperty("alibabacloud.accessKeySecret", System.getProperty("alibabacloud.accessKeyIdSecret"));
        if (blank(id) && blank(secret)) {
            return null;
        }
        String source = "Java system properties alibabacloud.accessKeyId/alibabacloud.accessKeySecret";
        if (blank(id) || blank(secret)) {
            throw new CredentialException(source + ": only one of the two is set: set both, or neither", null, null, source);
        }
        return key(new SystemPropertiesCredentialsProvider(), source, null);
    }

    private static AccessKey environment(Map<String, String> env) throws CredentialException {
        String source = "environment variables " + ENV_ID + "/_SECRET" + (value(env, ENV_TOKEN) == null ? "" : "/" + ENV_TOKEN);
        for (String name : new String[] {ENV_ID, ENV_SECRET, ENV_TOKEN}) {
            if (env.containsKey(name) && env.get(name).isBlank()) {
                throw new CredentialException(name + " is set but empty (a CI secret that did not expand?): give it a value,"
                        + " or unset it", null, null, source);
            }
        }
        String id = value(env, ENV_ID);
        String secret = value(env, ENV_SECRET);
        if (id == null && secret == null) {
            if (value(env, ENV_TOKEN) != null) {
                throw new CredentialException(ENV_TOKEN + " is set without " + ENV_ID + " and " + ENV_SECRET
                        + ": set the temporary AccessKey ID and secret too, or unset it", null, null, source);
            }
            return null;
        }
        if (id == null || secret == null) {
            throw new CredentialException((id == null ? ENV_SECRET : ENV_ID) + " is set but " + (id == null ? ENV_ID : ENV_SECRET)
                    + " is not: set both", null, null, source);
        }
        try {
            return AccessKey.of(id, secret, value(env, ENV_TOKEN)).withSource(source);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(source + ": " + e.getMessage(), null, null, source);
        }
    }

    private static AccessKey oidc(Map<String, String> env, ConnectionSettings settings) throws CredentialException {
        String roleArn = value(env, ENV_ROLE_ARN);
        String provider = value(env, ENV_OIDC_PROVIDER_ARN);
        String tokenFile = value(env, ENV_OIDC_TOKEN_FILE);
        if (roleArn == null && provider == null && tokenFile == null) {
            return null;
        }
        String source = "OIDC role " + (roleArn == null ? "?" : roleArn) + " (RRSA: " + ENV_ROLE_ARN + ", "
                + ENV_OIDC_PROVIDER_ARN + ", " + ENV_OIDC_TOKEN_FILE + ")";
        if (roleArn == null || provider == null || tokenFile == null) {
            List<String> missing = new ArrayList<>();
            if (roleArn == null) {
                missing.add(ENV_ROLE_ARN);
            }
            if (provider == null) {
                missing.add(ENV_OIDC_PROVIDER_ARN);
            }
            if (tokenFile == null) {
                missing.add(ENV_OIDC_TOKEN_FILE);
            }
            throw new CredentialException("OIDC (RRSA) source is half set: " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing: set all three (on ACK, enable RRSA for the pod's"
                    + " service account), or none", null, null, source);
        }
        if (!new java.io.File(tokenFile).canRead()) {
            throw new CredentialException(source + ": cannot read the OIDC token file " + tokenFile + " (" + ENV_OIDC_TOKEN_FILE
                    + "): point it at the pod's projected service-account token", null, null, source);
        }
        OIDCRoleArnCredentialProvider.Builder builder = OIDCRoleArnCredentialProvider.builder()
                .roleArn(roleArn).oidcProviderArn(provider).oidcTokenFilePath(tokenFile)
                .connectionTimeout(millis(settings.connectTimeout(), 5000))
                .readTimeout(millis(settings.readTimeout(), 10000));
        if (value(env, ENV_ROLE_SESSION_NAME) != null) {
            builder.roleSessionName(value(env, ENV_ROLE_SESSION_NAME));
        }
        if (!ConnectionSettings.DEFAULT_STS_ENDPOINT.equals(settings.stsEndpoint())) {
            builder.STSEndpoint(settings.stsEndpoint().replaceFirst("(?i)^https://", ""));
        }
        OIDCRoleArnCredentialProvider p;
        try {
            p = builder.build();
        } catch (RuntimeException e) {
            throw new CredentialException(source + ": " + safe(e.getMessage()) + ": fix the three variables", null, null, source);
        }
        try {
            return key(p, source, null);
        } finally {
            p.close();
        }
    }

    private static AccessKey cliProfile(Map<String, String> env, String wanted, List<String> tried) throws CredentialException {
        String processProfile = System.getenv(ENV_PROFILE);
        if (wanted != null && processProfile != null && !processProfile.isBlank() && !processProfile.strip().equals(wanted)) {
            // credentials-java 1.0.3 lets ALIBABA_CLOUD_PROFILE override the profile it was built with
            throw new CredentialException("--profile " + wanted + " and " + ENV_PROFILE + "=" + processProfile.strip()
                    + " name different profiles (Alibaba's credentials library would use " + ENV_PROFILE
                    + "): unset " + ENV_PROFILE + " or make them agree");
        }
        if (wanted == null && env.containsKey(ENV_PROFILE) && env.get(ENV_PROFILE).isBlank()) {
            throw new CredentialException(ENV_PROFILE + " is set but empty (a CI variable that did not expand?): name a profile"
                    + " of the aliyun CLI, or unset it");
        }
        String name = wanted != null ? wanted : value(env, ENV_PROFILE);
        String where = "aliyun CLI " + (name == null ? "current profile" : "profile '" + name + "'") + " in " + CLI_CONFIG;
        if ("true".equalsIgnoreCase(value(env, ENV_CLI_PROFILE_DISABLED))) {
            if (wanted != null) {
                throw new CredentialException(where + ": " + ENV_CLI_PROFILE_DISABLED + "=true turns the aliyun CLI config off:"
                        + " unset it to use --profile", null, null, where);
            }
            return null;
        }
        CLIProfileCredentialsProvider p = CLIProfileCredentialsProvider.builder().profileName(name).build();
        CredentialModel model;
        try {
            model = p.getCredentials();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("Unable to open credentials file")) {
                if (wanted != null) {
                    throw new CredentialException(where + ": the file does not exist (Java's user.home is "
                            + System.getProperty("user.home") + "): run 'aliyun configure --profile " + wanted + "'", null, null, where);
                }
                tried.add("no aliyun CLI config (" + CLI_CONFIG + ")");
                return null;
            }
            throw new CredentialException(cliFailure(where, name, e), code(message), requestId(message), where);
        } finally {
            p.close();
        }
        return toKey(model, where + " (" + cliMode(model.getProviderName()) + ")", null);
    }

    private static final Pattern UNSUPPORTED_MODE = Pattern.compile("Unsupported profile mode '([^']*)'");
    static final String CLI_MODES = "AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole or OIDC";

    private static String cliFailure(String where, String name, RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String configure = "'aliyun configure" + (name == null ? "" : " --profile " + name) + "'";
        Matcher m = UNSUPPORTED_MODE.matcher(message);
        if (m.find()) {
            return where + " uses mode " + Text.oneLine(m.group(1)) + ", which Alibaba's credentials library (1.0.3) cannot"
                    + " read: use a profile in " + CLI_MODES + " mode (--profile NAME), or set " + ENV_ID + "/_SECRET";
        }
        if (e instanceof NullPointerException) {
            return where + " has no mode (written by an old aliyun CLI): run " + configure + " again";
        }
        if (message.startsWith("IMDS credentials is disabled")) {
            return where + " is in EcsRamRole mode, but " + ENV_ECS_METADATA_DISABLED + "=true turns the ECS metadata service"
                    + " off: unset it, or use another profile (--profile NAME)";
        }
        if (message.startsWith("Unable to get profile with")) {
            return where + ": no such profile in the file: create it with " + configure + ", or pass --profile NAME of one"
                    + " that exists";
        }
        if (message.startsWith("Failed to parse credential")) {
            return where + ": the file is not valid JSON: fix it or recreate it with " + configure;
        }
        if (message.startsWith("Unable to get profile from empty")) {
            return where + ": the file is empty: run " + configure;
        }
        if (message.endsWith("must not be null.")) {
            return where + " lacks a value (" + Text.oneLine(message.replace(" must not be null.", "")) + "): run " + configure
                    + " again";
        }
        if (message.contains("RamRoleArn") || message.contains("OIDC") || message.contains("ECS Metadata")
                || message.contains("IMDS") || message.contains("role name")) {
            return where + ": " + exchangeFailure(message);
        }
        return where + ": Alibaba's credentials library refused it (" + e.getClass().getSimpleName() + ": "
                + safe(message) + "): run " + configure + " again";
    }

    private static AccessKey credentialsFile(Map<String, String> env, List<String> tried) throws CredentialException {
        String file = value(env, ENV_CREDENTIALS_FILE) != null ? value(env, ENV_CREDENTIALS_FILE) : CREDENTIALS_INI;
        String section = value(env, ENV_PROFILE) != null ? value(env, ENV_PROFILE) : "default";
        String where = "section [" + section + "] of " + file;
        ProfileCredentialsProvider p = new ProfileCredentialsProvider();
        CredentialModel model;
        try {
            model = p.getCredentials();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith("Unable to open credentials file")) {
                tried.add("no " + file);
                return null;
            }
            if (message.startsWith("Client is not open")) {
                tried.add(where + " is missing or lacks 'enable = true'");
                return null;
            }
            if (e instanceof IllegalArgumentException) {
                // the library's INI parser quotes the offending line, which may hold a secret: never shown
                tried.add(file + " is not a valid INI file (the line is not shown)");
                return null;
            }
            String why = message.contains("RamRoleArn") || message.contains("OIDC") || message.contains("ECS Metadata")
                    ? exchangeFailure(message) : safe(message);
            tried.add(where + ": " + why);
            return null;
        } finally {
            p.close();
        }
        return toKey(model, where + " (" + iniType(model.getProviderName()) + ")", null);
    }

    private static AccessKey ecsRole(Map<String, String> env, List<String> tried) throws CredentialException {
        String roleName = value(env, ENV_ECS_METADATA);
        boolean hardened = "true".equalsIgnoreCase(value(env, ENV_IMDSV1_DISABLED));
        String where = "ECS instance RAM role" + (roleName == null ? "" : " '" + roleName + "'")
                + " (metadata service 100.100.100.200" + (hardened ? ", hardened mode" : "") + ")";
        EcsRamRoleCredentialProvider p;
        try {
            p = EcsRamRoleCredentialProvider.builder().roleName(roleName).disableIMDSv1(hardened)
                    .asyncCredentialUpdateEnabled(false).build();
        } catch (RuntimeException e) {
            tried.add(where + ": " + safe(e.getMessage()));
            return null;
        }
        try {
            return toKey(p.getCredentials(), where, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            // HttpCode=0: the library got no HTTP answer at all (it swallows the connection's exception)
            if (message.contains("Failed to connect ECS Metadata Service") || message.matches("(?s).*HttpCode=0\\b.*")) {
                tried.add("no ECS metadata service (not an ECS instance; " + ENV_ECS_METADATA_DISABLED + "=true skips it)");
            } else if (message.contains("role name was not found") || message.contains("HttpCode=404")) {
                tried.add(where + ": the instance has no RAM role (or not that one): attach one in the ECS console");
            } else if (message.contains("fallback to IMDS v1 is disabled") || message.contains("HttpCode=401")
                    || message.contains("HttpCode=403")) {
                tried.add(where + ": the metadata service refused the request (hardened mode needs its session token)");
            } else {
                tried.add(where + ": " + safe(message));
            }
            return null;
        } finally {
            p.close();
        }
    }

    private static AccessKey credentialsUri(Map<String, String> env, List<String> tried) throws CredentialException {
        String uri = value(env, ENV_CREDENTIALS_URI);
        String where = "credentials URI " + uri.replaceAll("//[^/@]*@", "//****@") + " (" + ENV_CREDENTIALS_URI + ")";
        try {
            URLCredentialProvider p = URLCredentialProvider.builder().credentialsURI(uri).build();
            try {
                return toKey(p.getCredentials(), where, null);
            } finally {
                p.close();
            }
        } catch (RuntimeException e) {
            tried.add(where + ": " + safe(e.getMessage()));
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    private static AccessKey key(AlibabaCloudCredentialsProvider provider, String source, String code)
            throws CredentialException {
        CredentialModel model;
        try {
            model = provider.getCredentials();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new CredentialException(source + ": " + exchangeFailure(message), code(message), requestId(message), source);
        }
        return toKey(model, source, code);
    }

    private static AccessKey toKey(CredentialModel model, String source, String code) throws CredentialException {
        if (model == null) {
            throw new CredentialException(source + ": gave no credentials", code, null, source);
        }
        String until = model.getExpiration() > 0 ? ", valid until " + Instant.ofEpochMilli(model.getExpiration()) : "";
        try {
            return AccessKey.of(model.getAccessKeyId(), model.getAccessKeySecret(), model.getSecurityToken())
                    .withSource(source + until);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(source + ": " + e.getMessage(), code, null, source);
        }
    }

    /** aliyun CLI mode from the library's provider name (e.g. cli_profile/ram_role_arn/static_ak). */
    static String cliMode(String providerName) {
        String p = providerName == null ? "" : providerName.replaceFirst("^cli_profile/", "");
        if (p.startsWith("ram_role_arn/ram_role_arn") || p.startsWith("ram_role_arn/ecs_ram_role")
                || p.startsWith("ram_role_arn/oidc_role_arn") || p.startsWith("ram_role_arn/static_sts")) {
            return "ChainableRamRoleArn mode";
        }
        if (p.startsWith("ram_role_arn")) {
            return "RamRoleArn mode";
        }
        if (p.startsWith("static_sts")) {
            return "StsToken mode";
        }
        if (p.startsWith("static_ak")) {
            return "AK mode";
        }
        if (p.startsWith("ecs_ram_role")) {
            return "EcsRamRole mode";
        }
        if (p.startsWith("oidc_role_arn")) {
            return "OIDC mode";
        }
        return p.isEmpty() ? "mode unknown" : p + " mode";
    }

    /** The credentials.ini type from the library's provider name (profile/static_ak, profile/ram_role_arn/...). */
    static String iniType(String providerName) {
        String p = providerName == null ? "" : providerName.replaceFirst("^profile/", "");
        return p.startsWith("static_ak") ? "type access_key" : p.startsWith("ram_role_arn") ? "type ram_role_arn"
                : p.startsWith("ecs_ram_role") ? "type ecs_ram_role" : p.startsWith("oidc_role_arn") ? "type oidc_role_arn"
                : p.startsWith("rsa_key_pair") ? "type rsa_key_pair" : "type " + (p.isEmpty() ? "unknown" : p);
    }

    private static final Pattern RESULT = Pattern.compile("result: (\\{.*\\})\\.?\\s*$", Pattern.DOTALL);

    /** The STS / metadata failure inside a library message, in words with the catalog's fix; never the raw body. */
    static String exchangeFailure(String message) {
        JsonObject body = body(message);
        String code = body == null ? null : text(body, "Code");
        if (code != null) {
            ErrorCatalog.Entry entry = ErrorCatalog.resolveSts(code);
            String m = text(body, "Message");
            return "STS answered " + code + (m == null ? "" : " (" + Text.oneLine(m).replaceAll("\\.$", "") + ")") + ". "
                    + entry.advice();
        }
        Matcher http = Pattern.compile("HttpCode: ?(\\d{3})").matcher(message);
        if (message.startsWith("Failed to connect")) {
            return "could not reach " + (message.contains("ECS Metadata") ? "the ECS metadata service" : "STS")
                    + " (" + safe(message.replaceFirst("^Failed to connect [A-Za-z ]+: ", "")) + "): check the network"
                    + " path, proxy and --sts-endpoint";
        }
        if (http.find()) {
            return "STS answered HTTP " + http.group(1) + " without an error code: check for a proxy in between";
        }
        if (Pattern.compile("HttpCode: ?-?\\d?,").matcher(message).find()) {
            // the library swallows the connection's IOException and reports the HTTP status 0 it never got
            return "could not reach STS: no HTTP answer (no network path, DNS, a proxy or the TLS trust failed; Alibaba's"
                    + " credentials library does not say which): check that this machine reaches the STS endpoint over HTTPS"
                    + " (sts.aliyuncs.com:443 for aliyun CLI profiles and credentials.ini; --sts-endpoint, always over HTTPS,"
                    + " for the OIDC variables), through HTTPS_PROXY when it"
                    + " needs a proxy";
        }
        return safe(message);
    }

    private static JsonObject body(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = RESULT.matcher(message);
        if (!m.find()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(m.group(1));
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String code(String message) {
        JsonObject b = body(message);
        return b == null ? null : text(b, "Code");
    }

    private static String requestId(String message) {
        JsonObject b = body(message);
        return b == null ? null : text(b, "RequestId");
    }

    private static String text(JsonObject o, String name) {
        JsonElement v = o.get(name);
        return v != null && v.isJsonPrimitive() && !v.getAsString().isBlank() ? v.getAsString() : null;
    }

    /** A library message without anything that could be a credential (a JSON body, query strings), one line, short. */
    static String safe(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String s = message.replaceAll("\\{.*\\}", "{...}").replaceAll("\\?[^\\s]*", "?...");
        s = Text.oneLine(s);
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer millis(java.time.Duration d, int fallback) {
        return d == null || d.isZero() || d.isNegative() ? fallback : (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }
}

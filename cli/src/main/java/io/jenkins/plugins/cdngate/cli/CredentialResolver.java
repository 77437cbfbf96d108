package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import java.nio.file.Path;

/**
 * Finds the AccessKey a gate runs with. No option ever takes a secret: command lines end up in CI
 * logs and process lists. In order:
 * <ol>
 *   <li>{@code --profile NAME}: that profile of the aliyun CLI's config file; {@code --config-file FILE}
 *       alone: that file's {@code current} profile, as the aliyun CLI would use;</li>
 *   <li>{@code ALIBABA_CLOUD_ACCESS_KEY_ID} + {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}
 *       (+ {@code ALIBABA_CLOUD_SECURITY_TOKEN} for STS), the variables every Alibaba Cloud SDK reads;</li>
 *   <li>{@code ALIBABA_CLOUD_PROFILE=NAME}: that profile, as the aliyun CLI and SDKs do.</li>
 * </ol>
 * The config file is {@code --config-file}, else {@code ALIBABA_CLOUD_CONFIG_FILE}, else
 * {@code ~/.aliyun/config.json} (the same override the Alibaba Cloud credential libraries honour).
 * Unlike the SDK's default provider chain, nothing is probed over the network (ECS metadata).
 */
final class CredentialResolver {
    static final String ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static final String ENV_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    static final String ENV_PROFILE = "ALIBABA_CLOUD_PROFILE";
    static final String ENV_CONFIG_FILE = "ALIBABA_CLOUD_CONFIG_FILE";

    static final String HOW_TO_PROVIDE = "set " + ENV_ID + " and " + ENV_SECRET + " (plus " + ENV_TOKEN
            + " for STS), or pass --profile NAME to use a profile of the aliyun CLI (~/.aliyun/config.json)";

    private final CliEnvironment environment;

    CredentialResolver(CliEnvironment environment) {
        this.environment = environment;
    }

    AccessKey resolve(String profile, Path configFile) {
        String keys = "set " + ENV_ID + " and " + ENV_SECRET;
        // blank: an unexpanded "$PROFILE" in a CI script; falling back to other credentials could check another account
        if (profile != null && profile.isBlank()) {
            throw ConfigurationException.option("--profile is empty: name a profile of the aliyun CLI, or leave the "
                    + "option out");
        }
        if (configFile != null && configFile.toString().isBlank()) {
            throw ConfigurationException.option("--config-file is empty: give the aliyun CLI's config.json, or leave "
                    + "the option out");
        }
        if (profile != null) {
            return AliyunCliProfiles.read(configFile(configFile), profile.trim(),
                    "drop --profile" + (configFile == null ? "" : " and --config-file") + " and " + keys);
        }
        if (configFile != null) {
            // --config-file alone: the file's "current" profile, as the aliyun CLI itself would use
            return AliyunCliProfiles.readCurrent(configFile, "drop --config-file and " + keys);
        }
        String id = environment.get(ENV_ID);
        String secret = environment.get(ENV_SECRET);
        if (id != null && secret != null) {
            if (environment.isBlank(ENV_TOKEN)) {
                // signing without the token would turn an STS key into a confusing InvalidAccessKeyId failure
                throw new ConfigurationException(ENV_TOKEN + " is empty (a CI secret that did not expand?): "
                        + "give the STS token, or unset it for a permanent AccessKey");
            }
            try {
                // core trims the secret: a trailing newline from `echo` or a secret file is a common CI mistake
                return AccessKey.of(id, secret, environment.get(ENV_TOKEN));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        if (id != null || secret != null) {
            String missing = id == null ? ENV_ID : ENV_SECRET;
            String present = id == null ? ENV_SECRET : ENV_ID;
            throw new ConfigurationException(present + " is set but " + missing
                    + (environment.isBlank(missing) ? " is empty (a CI secret that did not expand?)" : " is not")
                    + ": set both");
        }
        for (String name : new String[] {ENV_ID, ENV_SECRET}) {
            if (environment.isBlank(name)) {
                throw new ConfigurationException(name + " is empty (a CI secret that did not expand?): set "
                        + ENV_ID + " and " + ENV_SECRET + ", or pass --profile NAME");
            }
        }
        if (environment.isBlank(ENV_PROFILE)) {
            throw new ConfigurationException(ENV_PROFILE + " is empty (a CI variable that did not expand?): "
                    + "name a profile of the aliyun CLI, or unset it and " + keys);
        }
        String envProfile = environment.get(ENV_PROFILE);
        if (envProfile != null) {
            return AliyunCliProfiles.read(configFile(configFile), envProfile.trim(),
                    keys + " (they come before " + ENV_PROFILE + ")");
        }
        throw new ConfigurationException("no Alibaba Cloud credentials: " + HOW_TO_PROVIDE);
    }

    private Path configFile(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (environment.isBlank(ENV_CONFIG_FILE)) {
            throw new ConfigurationException(ENV_CONFIG_FILE + " is empty (a CI variable that did not expand?): point "
                    + "it at the aliyun CLI's config.json, or unset it for ~/.aliyun/config.json");
        }
        String fromEnv = environment.get(ENV_CONFIG_FILE);
        if (fromEnv != null) {
            return Path.of(fromEnv.trim());
        }
        if (environment.home() == null) { // neither $HOME nor user.home
            throw new ConfigurationException("cannot find the aliyun CLI config file: no home directory; "
                    + "set " + ENV_CONFIG_FILE + " or pass --config-file");
        }
        return environment.home().resolve(".aliyun").resolve("config.json");
    }
}

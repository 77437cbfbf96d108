package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import java.nio.file.Path;

/**
 * Finds the AccessKey a gate runs with. No option ever takes a secret: command lines end up in CI
 * logs and process lists. In order:
 * <ol>
 *   <li>{@code --profile NAME}: that profile of the aliyun CLI's config file;</li>
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
        if (profile != null && !profile.isBlank()) {
            return AliyunCliProfiles.read(configFile(configFile), profile.trim());
        }
        String id = environment.get(ENV_ID);
        String secret = environment.get(ENV_SECRET);
        if (id != null && secret != null) {
            try {
                return AccessKey.of(id, secret, environment.get(ENV_TOKEN));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
        }
        if (id != null) {
            throw new ConfigurationException(ENV_ID + " is set but " + ENV_SECRET + " is not: set both");
        }
        if (secret != null) {
            throw new ConfigurationException(ENV_SECRET + " is set but " + ENV_ID + " is not: set both");
        }
        String envProfile = environment.get(ENV_PROFILE);
        if (envProfile != null) {
            return AliyunCliProfiles.read(configFile(configFile), envProfile.trim());
        }
        throw new ConfigurationException("no Alibaba Cloud credentials: " + HOW_TO_PROVIDE);
    }

    private Path configFile(Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = environment.get(ENV_CONFIG_FILE);
        if (fromEnv != null) {
            return Path.of(fromEnv.trim());
        }
        if (environment.home() == null) {
            throw new ConfigurationException("cannot find the aliyun CLI config file: no home directory; "
                    + "set " + ENV_CONFIG_FILE + " or pass --config-file");
        }
        return environment.home().resolve(".aliyun").resolve("config.json");
    }
}

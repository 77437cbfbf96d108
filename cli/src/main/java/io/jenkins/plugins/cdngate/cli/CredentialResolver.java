package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.credentials.CredentialException;
import io.jenkins.plugins.cdngate.core.credentials.DefaultChain;
import java.nio.file.Path;

/**
 * Finds the AccessKey a gate runs with: Alibaba Cloud's default credential chain through Alibaba's credentials library
 * (core's {@link DefaultChain}: system properties, environment variables, OIDC/RRSA, the aliyun CLI's config and its
 * current profile, ~/.alibabacloud/credentials.ini, the ECS instance RAM role), or the aliyun CLI profile
 * {@code --profile NAME}. No option ever takes a secret: command lines end up in CI logs and process lists.
 */
final class CredentialResolver {
    static final String ENV_ID = DefaultChain.ENV_ID;
    static final String ENV_SECRET = DefaultChain.ENV_SECRET;
    static final String ENV_TOKEN = DefaultChain.ENV_TOKEN;
    static final String ENV_PROFILE = DefaultChain.ENV_PROFILE;
    /** Read by the hand-written parser this project once had; Alibaba's credentials library 1.0.3 does not read it. */
    static final String ENV_CONFIG_FILE = "ALIBABA_CLOUD_CONFIG_FILE";

    static final String HOW_TO_PROVIDE = DefaultChain.HOW_TO_PROVIDE + "; --profile NAME picks an aliyun CLI profile";

    private final CliEnvironment environment;

    CredentialResolver(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * @throws ConfigurationException one line, when no source gives a key for a reason of configuration
     * @throws CredentialException    when Alibaba Cloud refused an exchange (an STS code): the gate reports FAIL
     */
    AccessKey resolve(String profile, Path configFile, ConnectionSettings connection) throws CredentialException {
        Path home = environment.home();
        String userHome = System.getProperty("user.home");
        if (home != null && !home.toString().equals(userHome)) {
            // cdn-gate's main() aligns the two; only an embedding JVM can get here
            throw new ConfigurationException("HOME is " + home + " but Java's user.home is " + userHome + ": Alibaba's"
                    + " credentials library reads .aliyun/config.json under user.home; start the JVM with -Duser.home=" + home);
        }
        if (configFile != null) {
            throw ConfigurationException.option("--config-file is no longer read: Alibaba's credentials library reads the"
                    + " aliyun CLI config from $HOME/.aliyun/config.json only; set HOME to the directory that holds"
                    + " .aliyun/config.json, and pick the profile with --profile NAME");
        }
        if (environment.variables().containsKey(ENV_CONFIG_FILE)) {
            throw new ConfigurationException(ENV_CONFIG_FILE + " is set, but Alibaba's credentials library does not read"
                    + " it (it reads $HOME/.aliyun/config.json): unset it, and set HOME to the directory that holds"
                    + " .aliyun/config.json");
        }
        try {
            return DefaultChain.resolve(environment.variables(), profile, connection);
        } catch (CredentialException e) {
            if (e.code() != null) {
                throw e;
            }
            throw new ConfigurationException(e.getMessage());
        }
    }
}

package io.jenkins.plugins.cdngate.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from its surroundings, injectable so tests never depend on the real
 * environment or home directory.
 *
 * @param variables the process environment
 * @param home      the user's home directory (where {@code .aliyun/config.json} lives), may be null
 */
public record CliEnvironment(Map<String, String> variables, Path home) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        String home = System.getProperty("user.home");
        return new CliEnvironment(System.getenv(), home == null || home.isBlank() ? null : Path.of(home));
    }

    /** The variable's value, or null when it is unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}

package io.jenkins.plugins.cdngate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** aliyun CLI config files as `aliyun configure` writes them, for tests. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static String akProfile(String name, String id, String secret) {
        return "{\"name\":\"" + name + "\",\"mode\":\"AK\",\"access_key_id\":\"" + id + "\",\"access_key_secret\":\"" + secret
                + "\",\"sts_token\":\"\",\"ram_role_name\":\"\",\"expired_seconds\":0,\"region_id\":\"cn-hangzhou\","
                + "\"output_format\":\"json\",\"language\":\"en\"}";
    }

    /** A config whose current profile is {@code current}. */
    static String config(String current, String... profiles) {
        return "{\"current\":\"" + current + "\",\"profiles\":[" + String.join(",", profiles) + "],\"meta_path\":\"\"}";
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}

package io.jenkins.plugins.cdngate.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.core.AccessKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one profile of the aliyun CLI's configuration file ({@code ~/.aliyun/config.json}, written by
 * {@code aliyun configure}): an object with {@code current} and a {@code profiles} array whose entries
 * carry {@code name}, {@code mode} and, for the modes we support, {@code access_key_id},
 * {@code access_key_secret} and {@code sts_token}.
 *
 * <p>Only the static modes are supported ({@code AK}, {@code StsToken}): the others (RamRoleArn,
 * EcsRamRole, OIDC, External, CloudSSO, ...) need a token exchange that would make a deployment gate
 * depend on STS or the instance metadata service. Every problem is a one-line
 * {@link ConfigurationException} that names the file and profile and never echoes a value from it.
 */
final class AliyunCliProfiles {
    static final String MODE_AK = "AK";
    static final String MODE_STS = "StsToken";
    /** The largest config file read: 1 MiB. */
    static final int MAX_BYTES = 1024 * 1024;

    private AliyunCliProfiles() {
    }

    /**
     * @param instead how to use the environment variables instead, worded for how this profile was chosen (they
     *                cannot help while --profile or --config-file is given, which come first), e.g.
     *                "drop --profile and set ..."
     */
    static AccessKey read(Path file, String profileName, String instead) {
        return read(file, parse(file), profileName, instead);
    }

    private static AccessKey read(Path file, JsonObject root, String profileName, String instead) {
        JsonElement profiles = root.get("profiles");
        if (profiles == null || !profiles.isJsonArray()) {
            throw new ConfigurationException("aliyun CLI config file " + file + " has no \"profiles\" list: "
                    + "create one with 'aliyun configure --profile " + profileName + "'");
        }
        List<String> names = new ArrayList<>();
        for (JsonElement element : profiles.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                continue;
            }
            JsonObject profile = element.getAsJsonObject();
            String name = text(profile, "name");
            if (profileName.equals(name)) {
                return accessKey(file, profileName, profile, instead);
            }
            if (name != null) {
                names.add(name);
            }
        }
        throw new ConfigurationException("profile '" + profileName + "' not found in " + file
                + (names.isEmpty() ? " (it has no profiles)" : " (profiles there: " + String.join(", ", names) + ")")
                + ": create it with 'aliyun configure --profile " + profileName + "'");
    }

    /** The profile the file's {@code current} member names (what the aliyun CLI uses without --profile). */
    static AccessKey readCurrent(Path file, String instead) {
        JsonObject root = parse(file);
        String current = text(root, "current");
        if (current == null) {
            throw new ConfigurationException("aliyun CLI config file " + file + " has no \"current\" profile: "
                    + "pass --profile NAME, or choose one with 'aliyun configure --profile NAME'");
        }
        return read(file, root, current, instead);
    }

    private static JsonObject parse(Path file) {
        String content;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a directory, /dev/zero, a FIFO: reading one would fail, never end, or fill the heap
                throw new ConfigurationException("aliyun CLI config file " + file + " is not a regular file: "
                        + "point ALIBABA_CLOUD_CONFIG_FILE (or --config-file) at the aliyun CLI's config.json");
            }
            content = readLimited(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("aliyun CLI config file " + file + " not found: run 'aliyun configure', "
                    + "or point ALIBABA_CLOUD_CONFIG_FILE (or --config-file) at the file");
        } catch (ConfigurationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("cannot read aliyun CLI config file " + file + " ("
                    + (e instanceof AccessDeniedException ? "permission denied" : "read error") + "): "
                    + "check that it is a file this user can read");
        }
        try {
            JsonElement root = JsonParser.parseString(content);
            if (!root.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            // Gson's message can quote the file's text, which may hold a secret: never show it.
            throw new ConfigurationException("aliyun CLI config file " + file + " is not a valid JSON object: "
                    + "fix it or recreate it with 'aliyun configure'");
        }
    }

    /**
     * The file's text, refused above {@link #MAX_BYTES}: the aliyun CLI writes a few KiB, and a bigger file is the
     * wrong file. Read with a bound (not the size first), so a file that grows meanwhile cannot exhaust the heap.
     */
    private static String readLimited(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigurationException("aliyun CLI config file " + file + " is larger than 1 MiB, the limit "
                    + "(the aliyun CLI writes a few KiB): point ALIBABA_CLOUD_CONFIG_FILE (or --config-file) at its config.json");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static AccessKey accessKey(Path file, String profileName, JsonObject profile, String instead) {
        String mode = text(profile, "mode");
        String where = "profile '" + profileName + "' in " + file;
        // Old aliyun CLI versions wrote profiles without a mode; they were AccessKey profiles.
        boolean ak = mode == null || MODE_AK.equalsIgnoreCase(mode);
        boolean sts = MODE_STS.equalsIgnoreCase(mode);
        if (!ak && !sts) {
            throw new ConfigurationException(where + " uses mode " + mode + ", which cdn-gate does not support: "
                    + "use a profile in AK or StsToken mode, or " + instead);
        }
        String id = text(profile, "access_key_id");
        String secret = text(profile, "access_key_secret");
        String token = text(profile, "sts_token");
        if (id == null) {
            throw new ConfigurationException(where + " has no access_key_id: run 'aliyun configure --profile " + profileName + "'");
        }
        if (secret == null) {
            throw new ConfigurationException(where + " has no access_key_secret: run 'aliyun configure --profile " + profileName + "'");
        }
        if (sts && token == null) {
            throw new ConfigurationException(where + " is in StsToken mode but has no sts_token: "
                    + "run 'aliyun configure --mode StsToken --profile " + profileName + "'");
        }
        return AccessKey.of(id, secret, sts ? token : null);
    }

    private static String text(JsonObject object, String member) {
        JsonElement value = object.get(member);
        if (value == null || !value.isJsonPrimitive()) {
            return null;
        }
        String text = value.getAsString();
        return text.isBlank() ? null : text.trim();
    }
}

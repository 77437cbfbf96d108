package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The --json example of docs/cli.md has every key, in order, that a real require-quota --json prints. */
public class DocsJsonExampleTest {
    @Test
    public void theJsonExampleOfCliMdHasTheKeysARealRunPrints() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("Example (`require-quota"));
        Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(section, block.find());
        JsonObject documented = JsonParser.parseString(block.group(1)).getAsJsonObject();

        try (CdnEmulator emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            emulator.addAccount(GateExitCodesTest.readyAccount("LTAI-test-0931", "test-secret-0931"));
            CliRun run = CliRun.run(GateExitCodesTest.credentials("LTAI-test-0931", "test-secret-0931"), "require-quota",
                    "--min-bytes", "100GiB", "--endpoint", emulator.endpoint(), "--json");
            JsonObject real = JsonParser.parseString(run.out).getAsJsonObject();

            assertEquals(keys(real), keys(documented));
            assertEquals(keys(real.getAsJsonObject("forecast")), keys(documented.getAsJsonObject("forecast")));
            assertEquals(keys(real.getAsJsonObject("forecast").getAsJsonObject("pool")),
                    keys(documented.getAsJsonObject("forecast").getAsJsonObject("pool")));
            assertEquals(keys(real.getAsJsonArray("plans").get(0).getAsJsonObject()),
                    keys(documented.getAsJsonArray("plans").get(0).getAsJsonObject()));
        }
    }

    private static List<String> keys(JsonObject o) {
        return new ArrayList<>(o.keySet());
    }
}

package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.emulator.AccountsJson;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * docs/cli.md, "Against the emulator (a dry run of your pipeline)": the accounts file it writes and the command it
 * runs, as a reader copies them, pass against the emulator (the example once named a key no accounts file held).
 */
public class DocsDryRunExampleTest {
    @Test
    public void theDryRunExampleOfCliMdPasses() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("### Against the emulator (a dry run of your pipeline)"));
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(section, block.find());
        String script = block.group(1);
        Matcher file = Pattern.compile("cat > accounts.json <<'EOF'\n(.*?)\nEOF\n", Pattern.DOTALL).matcher(script);
        assertTrue(script, file.find());
        Matcher command = Pattern.compile("ALIBABA_CLOUD_ACCESS_KEY_ID=(\\S+) ALIBABA_CLOUD_ACCESS_KEY_SECRET=(\\S+) \\\\\n"
                + "\\s*\\./cdn-gate (.*)\n").matcher(script);
        assertTrue(script, command.find());

        try (CdnEmulator emulator = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            AccountsJson.parse(file.group(1)).accounts().forEach(emulator::addAccount);
            List<String> args = new ArrayList<>();
            for (String word : command.group(3).trim().split("\\s+")) {
                args.add(word.equals("127.0.0.1:18080") ? emulator.endpoint() : word);
            }
            CliRun run = CliRun.run(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", command.group(1),
                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET", command.group(2)), args.toArray(new String[0]));

            assertEquals(run.toString(), ExitCodes.PASS, run.exitCode);
        }
    }
}

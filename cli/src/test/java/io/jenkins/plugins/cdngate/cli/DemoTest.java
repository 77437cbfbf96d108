package io.jenkins.plugins.cdngate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class DemoTest {
    @Test
    public void demoActivatesThenWarnsAboutTheEndingPlanAndExitsUnstable() {
        CliRun run = CliRun.run(Map.of(), "demo");

        assertEquals(run.toString(), ExitCodes.UNSTABLE, run.exitCode);
        assertEquals(run.toString(), "", run.err);
        String out = run.out;
        int ensure = out.indexOf("$ cdn-gate ensure-active --endpoint 127.0.0.1:");
        int ensurePassed = out.indexOf("exit code 0 (PASS)", ensure);
        int quota = out.indexOf("$ cdn-gate require-quota --endpoint 127.0.0.1:", ensurePassed);
        int quotaUnstable = out.indexOf("exit code 3 (UNSTABLE)", quota);
        int explanation = out.indexOf("What happened:", quotaUnstable);
        assertTrue(run.toString(), ensure >= 0 && ensurePassed > ensure && quota > ensurePassed
                && quotaUnstable > quota && explanation > quotaUnstable);
        assertTrue(run.toString(), out.contains("[CDN Gate] "));
        assertTrue(run.toString(), out.contains(DemoCommand.ENDING_PLAN));
        assertTrue(run.toString(), out.contains("Against your own account"));
    }
}
